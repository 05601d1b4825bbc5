package social.tsubame.portability;

/** A user asked for an archive of their posts; federation writes it, as it turns posts into ActivityStreams. */
public record ArchiveRequested(long archiveId, long accountId) {
}

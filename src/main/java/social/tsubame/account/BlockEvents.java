package social.tsubame.account;

/** A local account blocking or unblocking another, for federation to tell the other's server. */
public final class BlockEvents {

    private BlockEvents() {
    }

    /** @param blockId the block, whose id also names the Block activity */
    public record AccountBlocked(long blockId, long accountId, long targetId) {
    }

    public record AccountUnblocked(long blockId, long accountId, long targetId) {
    }
}

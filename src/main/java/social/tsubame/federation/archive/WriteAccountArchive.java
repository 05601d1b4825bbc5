package social.tsubame.federation.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.activitystreams.Activity;
import social.tsubame.activitystreams.JsonLdContext;
import social.tsubame.activitystreams.Note;
import social.tsubame.core.Uris;
import social.tsubame.federation.mapping.LocalAccountToActor;
import social.tsubame.federation.mapping.LocalStatusToNote;
import social.tsubame.media.MediaAttachment;
import social.tsubame.media.MediaAttachments;
import social.tsubame.media.MediaStorage;
import social.tsubame.portability.AccountArchives;
import social.tsubame.portability.ArchiveRequested;
import social.tsubame.queue.EventListener;
import social.tsubame.status.Status;
import social.tsubame.status.Statuses;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a user's archive as Mastodon lays one out: {@code actor.json}, {@code outbox.json} (every post of theirs
 * that still exists, boosts left out, oldest first, as a {@code Create} each) and the files of their media under
 * {@code media_attachments/} at their storage keys. The zip goes into media storage as a private file under a random
 * key, which only the archive's owner downloads.
 */
@Component
class WriteAccountArchive implements EventListener<ArchiveRequested> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountArchives archives;
    private final Accounts accounts;
    private final Statuses statuses;
    private final MediaAttachments attachments;
    private final MediaStorage storage;
    private final LocalAccountToActor toActor;
    private final LocalStatusToNote toNote;
    private final Uris uris;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    WriteAccountArchive(AccountArchives archives, Accounts accounts, Statuses statuses, MediaAttachments attachments,
                        MediaStorage storage, LocalAccountToActor toActor, LocalStatusToNote toNote, Uris uris,
                        JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.archives = archives;
        this.accounts = accounts;
        this.statuses = statuses;
        this.attachments = attachments;
        this.storage = storage;
        this.toActor = toActor;
        this.toNote = toNote;
        this.uris = uris;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "portability.archive";
    }

    @Override
    public Class<ArchiveRequested> eventType() {
        return ArchiveRequested.class;
    }

    @Override
    public void on(ArchiveRequested event) throws IOException {
        if (archives.find(event.archiveId()).filter(archive -> !archive.finished()).isEmpty()) {
            return;
        }
        Account owner = accounts.findById(event.accountId()).orElseThrow();
        // Written to a file, never held whole: an archive with its media can weigh gigabytes.
        Path zip = Files.createTempFile("tsubame-archive-", ".zip");
        try {
            writeZip(owner, zip);
            String key = MediaStorage.PRIVATE + "archives/" + HexFormat.of().formatHex(token()) + ".zip";
            storage.putPrivate(key, zip, "application/zip");
            if (!archives.finish(event.archiveId(), key, Files.size(zip), clock.instant())) {
                storage.delete(key);
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** The outbox comes first, so that a reader finds the posts without going through the media. */
    private void writeZip(Account owner, Path file) throws IOException {
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM statuses WHERE account_id = ? AND deleted_at IS NULL AND reblog_of_id IS NULL
                ORDER BY id""", Long.class, owner.id());
        List<String> mediaKeys = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("actor.json"));
            zip.write(json.writeValueAsBytes(toActor.person(owner)));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("outbox.json"));
            writeOutbox(owner, ids, mediaKeys, zip);
            zip.closeEntry();
            for (String key : mediaKeys) {
                copy(zip, key);
            }
        }
    }

    /** Writes the outbox post by post; collects the keys of their media files. */
    private void writeOutbox(Account owner, List<Long> ids, List<String> mediaKeys, OutputStream out) {
        // Flushed, not closed: closing the generator would close the zip.
        JsonGenerator outbox = json.createGenerator(out);
        outbox.writeStartObject();
        outbox.writeName("@context");
        outbox.writeString(JsonLdContext.ACTIVITY_STREAMS);
        outbox.writeName("id");
        outbox.writeString(uris.outbox(owner.username()));
        outbox.writeName("type");
        outbox.writeString("OrderedCollection");
        outbox.writeName("totalItems");
        outbox.writeNumber(ids.size());
        outbox.writeName("orderedItems");
        outbox.writeStartArray();
        for (long id : ids) {
            Status status = statuses.findById(id).orElseThrow();
            Note note = toNote.convert(status, owner);
            json.writeValue(outbox, new Activity(null, note.id() + "/activity", "Create", note.attributedTo(),
                    note.embedded(), note.to(), note.cc(), note.published()));
            attachments.ofStatus(id).stream().map(MediaAttachment::fileKey).filter(Objects::nonNull)
                    .forEach(mediaKeys::add);
        }
        outbox.writeEndArray();
        outbox.writeEndObject();
        outbox.flush();
    }

    private void copy(ZipOutputStream zip, String fileKey) throws IOException {
        Resource file = storage.get(fileKey).orElse(null);
        if (file == null) {
            return;
        }
        zip.putNextEntry(new ZipEntry("media_attachments/" + fileKey));
        try (InputStream in = file.getInputStream()) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    private static byte[] token() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return token;
    }
}

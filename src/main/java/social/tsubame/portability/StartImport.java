package social.tsubame.portability;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.core.ApiException;
import social.tsubame.core.TimeOrderedIds;
import social.tsubame.queue.Outbox;

/**
 * A user hands in a CSV file, or an archive of posts, to import. The file is read and checked whole before anything
 * is kept; then the import, its rows and the job that works through them commit together, so an accepted import is
 * done even if the server stops right after.
 */
@Service
public class StartImport {

    /** @param data the file (within the server's multipart limit), read once; null when none was sent */
    public record Command(long accountId, String type, String mode, InputStreamSource data) {
    }

    private final BulkImports imports;
    private final Outbox outbox;
    private final TimeOrderedIds ids;
    private final Clock clock;

    StartImport(BulkImports imports, Outbox outbox, TimeOrderedIds ids, Clock clock) {
        this.imports = imports;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public BulkImport start(Command command) {
        ImportType type = ImportType.of(command.type()).orElseThrow(() -> ApiException.unprocessable(
                "Validation failed: Type must be one of following, blocking, muting, domain_blocking, bookmarks,"
                        + " lists, archive"));
        ImportMode mode = command.mode() == null || command.mode().isBlank() ? ImportMode.MERGE
                : ImportMode.of(command.mode()).orElseThrow(() -> ApiException.unprocessable(
                        "Validation failed: Mode must be merge or overwrite"));
        if (command.data() == null) {
            throw ImportCsv.invalid("a file is required (data)");
        }
        if (type == ImportType.ARCHIVE && mode == ImportMode.OVERWRITE) {
            throw ImportCsv.invalid("an archive's posts are added to the profile, never overwrite it");
        }
        List<ImportRow> rows = rows(type, command.data());
        BulkImport bulkImport = new BulkImport(ids.next(), command.accountId(), type, mode, ImportState.SCHEDULED,
                rows.size(), 0, 0, clock.instant(), null);
        imports.insert(bulkImport, rows);
        outbox.add(RunImport.TYPE, new RunImport.ImportBatch(bulkImport.id()));
        return bulkImport;
    }

    private List<ImportRow> rows(ImportType type, InputStreamSource data) {
        try (InputStream in = data.getInputStream()) {
            if (type == ImportType.ARCHIVE) {
                return ArchiveZip.read(in);
            }
            return ImportCsv.read(in.readAllBytes(), type);
        } catch (IOException e) {
            throw ImportCsv.invalid("the file could not be read (" + e.getMessage() + ")");
        }
    }
}

package social.tsubame.portability;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import social.tsubame.portability.BulkImports.PendingRow;
import social.tsubame.queue.Job;
import social.tsubame.queue.JobHandler;
import social.tsubame.queue.JobType;
import social.tsubame.queue.Jobs;
import social.tsubame.queue.QueueName;

/**
 * Works through an import a batch of rows at a time, on the pull queue as it looks accounts and posts up on other
 * servers, then queues itself for the next batch: a big import shares the workers with everything else, and a
 * restart goes on from the first row not done.
 */
@Component
class RunImport implements JobHandler<RunImport.ImportBatch> {

    record ImportBatch(long importId) {
    }

    static final JobType<ImportBatch> TYPE = JobType.of("portability.import", QueueName.PULL, ImportBatch.class);

    static final int BATCH = 50;

    private final BulkImports imports;
    private final OverwriteForImport overwrite;
    private final ApplyImportRow applyRow;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RunImport(BulkImports imports, OverwriteForImport overwrite, ApplyImportRow applyRow, Jobs jobs,
              TransactionTemplate transactions, Clock clock) {
        this.imports = imports;
        this.overwrite = overwrite;
        this.applyRow = applyRow;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public JobType<ImportBatch> type() {
        return TYPE;
    }

    @Override
    public void handle(ImportBatch batch, Job job) {
        Optional<BulkImport> found = imports.find(batch.importId());
        if (found.isEmpty() || found.get().state() == ImportState.FINISHED) {
            return;
        }
        BulkImport bulkImport = found.get();
        transactions.executeWithoutResult(status -> {
            if (imports.start(bulkImport.id()) && bulkImport.mode() == ImportMode.OVERWRITE) {
                overwrite.removeUnlisted(bulkImport.accountId(), bulkImport.type(), imports.rows(bulkImport.id()));
            }
        });
        List<PendingRow> rows = imports.pendingRows(bulkImport.id(), BATCH);
        rows.forEach(row -> applyRow.apply(bulkImport, row));
        if (rows.size() < BATCH) {
            imports.finish(bulkImport.id(), clock.instant());
        } else {
            jobs.enqueue(TYPE, batch);
        }
    }
}

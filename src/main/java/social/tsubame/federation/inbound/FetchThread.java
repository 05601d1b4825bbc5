package social.tsubame.federation.inbound;

import java.util.Optional;

import org.springframework.stereotype.Component;

import social.tsubame.queue.Job;
import social.tsubame.queue.JobHandler;
import social.tsubame.queue.JobType;
import social.tsubame.queue.Jobs;
import social.tsubame.queue.QueueName;
import social.tsubame.status.Status;

/**
 * Fetches the post a reply answers, and the one that answers, up the thread, a few levels at most: enough context to
 * read a conversation, never a crawl of a whole server. Runs on the pull queue, off every request thread.
 */
@Component
public class FetchThread implements JobHandler<FetchThread.FetchParent> {

    /** How far up a thread we go from a post that reached us. */
    static final int MAX_DEPTH = 5;

    public record FetchParent(String uri, int depth) {
    }

    static final JobType<FetchParent> TYPE = JobType.of("federation.fetch-parent", QueueName.PULL, FetchParent.class);

    private final RemoteStatuses remoteStatuses;
    private final Jobs jobs;

    FetchThread(RemoteStatuses remoteStatuses, Jobs jobs) {
        this.remoteStatuses = remoteStatuses;
        this.jobs = jobs;
    }

    @Override
    public JobType<FetchParent> type() {
        return TYPE;
    }

    /** Asks for the parent of a status that arrived without it. */
    void fetchParentOf(Status status, int depth) {
        if (status.inReplyToId() == null && status.inReplyToUri() != null && depth <= MAX_DEPTH) {
            jobs.enqueue(TYPE, new FetchParent(status.inReplyToUri(), depth));
        }
    }

    @Override
    public void handle(FetchParent parent, Job job) throws Exception {
        Optional<Status> fetched = remoteStatuses.resolve(parent.uri());
        fetched.ifPresent(status -> fetchParentOf(status, parent.depth() + 1));
    }
}

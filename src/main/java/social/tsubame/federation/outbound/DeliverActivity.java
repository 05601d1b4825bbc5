package social.tsubame.federation.outbound;

import social.tsubame.queue.JobType;
import social.tsubame.queue.QueueName;

/**
 * One activity for one inbox, signed as one local account.
 *
 * @param activity the activity as JSON, exactly the bytes to send
 */
public record DeliverActivity(String inbox, String activity, long signerAccountId) {

    public static final JobType<DeliverActivity> TYPE = JobType.of("federation.deliver", QueueName.PUSH,
            DeliverActivity.class);
}

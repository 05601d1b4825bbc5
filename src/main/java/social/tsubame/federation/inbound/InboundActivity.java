package social.tsubame.federation.inbound;

import social.tsubame.queue.JobType;
import social.tsubame.queue.QueueName;

/**
 * An activity an inbox accepted, waiting to be applied.
 *
 * @param activity  the body exactly as received
 * @param signerUri the actor whose key signed the request
 */
public record InboundActivity(String activity, String signerUri) {

    public static final JobType<InboundActivity> TYPE = JobType.of("federation.inbound", QueueName.INGRESS,
            InboundActivity.class);
    /** The same work for domains an operator throttled. */
    public static final JobType<InboundActivity> THROTTLED_TYPE = JobType.of("federation.inbound",
            QueueName.INGRESS_LOW, InboundActivity.class);
}

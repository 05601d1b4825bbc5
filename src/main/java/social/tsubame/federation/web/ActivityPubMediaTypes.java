package social.tsubame.federation.web;

/** The content types ActivityPub documents are asked for and answered with. */
final class ActivityPubMediaTypes {

    static final String ACTIVITY_JSON = "application/activity+json";
    static final String LD_JSON = "application/ld+json";
    static final String LD_JSON_ACTIVITY_STREAMS = LD_JSON + "; profile=\"https://www.w3.org/ns/activitystreams\"";

    private ActivityPubMediaTypes() {
    }
}

package social.tsubame.streaming;

/**
 * What one viewer's filters make of a streamed status: left out (a {@code hide} filter matched), sent with the
 * matches in its {@code filtered} field, or sent as it came (no filter matched).
 */
record StatusFilterOutcome(boolean hidden, String payloadWithMatches) {

    static final StatusFilterOutcome UNCHANGED = new StatusFilterOutcome(false, null);
    static final StatusFilterOutcome HIDDEN = new StatusFilterOutcome(true, null);
}

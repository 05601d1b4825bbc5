package social.tsubame.portability;

import java.util.Arrays;

/** Where an import stands: waiting for the job, being worked through, or done (each row imported or failed). */
public enum ImportState {

    SCHEDULED("scheduled"),
    IN_PROGRESS("in_progress"),
    FINISHED("finished");

    private final String wireName;

    ImportState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static ImportState of(String stored) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(stored)).findFirst().orElseThrow();
    }
}

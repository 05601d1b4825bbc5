package social.tsubame.portability;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether an import adds to what the account has, or also removes what the file does not list. */
public enum ImportMode {

    MERGE("merge"),
    OVERWRITE("overwrite");

    private final String wireName;

    ImportMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ImportMode> of(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(wanted)).findFirst();
    }
}

package social.tsubame.account;

import java.util.Arrays;

/** What a local user may do on this server, from most to least powerful. */
public enum Role {
    OWNER, ADMIN, MODERATOR, USER;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static Role of(String value) {
        return Arrays.stream(values())
                .filter(role -> role.dbValue().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown role '" + value + "'; one of owner, admin, moderator, user"));
    }
}

package social.tsubame.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign up: anyone ({@code open}), anyone a moderator then approves ({@code approved}), or nobody but
 * those an administrator creates ({@code closed}).
 */
@ConfigurationProperties("tsubame.registrations")
public record RegistrationSettings(Mode mode) {

    public enum Mode {
        OPEN, APPROVED, CLOSED
    }

    public RegistrationSettings {
        mode = mode == null ? Mode.APPROVED : mode;
    }
}

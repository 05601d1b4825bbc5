package social.tsubame.backup;

/** A backup, restore or verify that cannot go ahead, with a message for the operator in one line. */
public class BackupRefused extends RuntimeException {

    public BackupRefused(String message) {
        super(message);
    }
}

package social.tsubame.testing;

import social.tsubame.account.Accounts;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.Role;

/** Named local users for tests that sign in, made once per server (test classes may share one) with one password. */
public final class LocalUsers {

    public static final String PASSWORD = "correct horse battery";

    private LocalUsers() {
    }

    /** Creates each named user that does not exist yet, as {@code name@example.com}. */
    public static void ensure(CreateLocalAccount createLocalAccount, Accounts accounts, String... names) {
        for (String name : names) {
            ensure(createLocalAccount, accounts, name, Role.USER);
        }
    }

    /** Creates the named user with this role unless it exists, as {@code name@example.com}. */
    public static void ensure(CreateLocalAccount createLocalAccount, Accounts accounts, String name, Role role) {
        if (accounts.findLocal(name).isEmpty()) {
            createLocalAccount.create(new CreateLocalAccount.Command(name, name + "@example.com", PASSWORD, role));
        }
    }
}

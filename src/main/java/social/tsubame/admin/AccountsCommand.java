package social.tsubame.admin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.account.ApproveSignUp;
import social.tsubame.account.CreateLocalAccount;
import social.tsubame.account.DeleteLocalAccount;
import social.tsubame.account.Role;
import social.tsubame.account.User;
import social.tsubame.account.Users;
import social.tsubame.core.ApiException;
import social.tsubame.federation.inbound.RefreshRemoteAccounts;
import social.tsubame.moderation.ModeratedAccounts;
import social.tsubame.moderation.SensitizeAccount;
import social.tsubame.moderation.SilenceAccount;
import social.tsubame.moderation.SuspendAccount;
import social.tsubame.moderation.UnsilenceAccount;
import social.tsubame.moderation.UnsuspendAccount;
import social.tsubame.moderation.WarnAccount;

@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Create, list, approve and delete local accounts; suspend and silence any account; refresh "
                + "remote ones",
        subcommands = {AccountsCommand.Create.class, AccountsCommand.ListAll.class, AccountsCommand.Approve.class,
                AccountsCommand.Delete.class, AccountsCommand.Suspend.class, AccountsCommand.Unsuspend.class,
                AccountsCommand.Silence.class, AccountsCommand.Unsilence.class, AccountsCommand.Sensitive.class,
                AccountsCommand.Warn.class, AccountsCommand.Refresh.class})
final class AccountsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a local account; prints a generated password unless --password is given")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "username, e.g. alice")
        String username;

        @Option(names = "--email", required = true, description = "the user's email address")
        String email;

        @Option(names = "--role", defaultValue = "user",
                description = "owner, admin, moderator or user (default: ${DEFAULT-VALUE})")
        String role;

        @Option(names = "--password", description = "the password; generated when omitted")
        String password;

        @Autowired
        CreateLocalAccount createLocalAccount;

        @Override
        public Integer call() {
            boolean generated = password == null;
            String secret = generated ? generatePassword() : password;
            try {
                User user = createLocalAccount.create(
                        new CreateLocalAccount.Command(username, email, secret, Role.of(role)));
                spec.commandLine().getOut().println("Created " + user.account().username() + " (id "
                        + user.account().id() + ", role " + user.role().dbValue() + ")");
                if (generated) {
                    spec.commandLine().getOut().println("Password: " + secret);
                }
                return 0;
            } catch (ApiException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("Cannot create account: " + e.getMessage());
                return 1;
            }
        }

        private static String generatePassword() {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List local accounts")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        Users users;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-20s %-10s %-9s %-30s %s%n", "USERNAME", "ROLE", "STATE", "EMAIL", "CREATED");
            for (User user : users.findAllWithAccounts()) {
                out.printf("%-20s %-10s %-9s %-30s %s%n", user.account().username(), user.role().dbValue(),
                        user.approved() ? "active" : "pending", user.email(), user.createdAt());
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Let in an account that signed up while registrations need approval")
    static final class Approve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "username")
        String username;

        @Autowired
        ApproveSignUp approveSignUp;

        @Override
        public Integer call() {
            try {
                boolean waiting = approveSignUp.approve(username);
                spec.commandLine().getOut().println(waiting ? "Approved " + username
                        : username + " was already approved");
                return 0;
            } catch (ApiException e) {
                spec.commandLine().getErr().println("No local account named " + username);
                return 1;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a local account and everything it owns")
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "username")
        String username;

        @Autowired
        DeleteLocalAccount deleteLocalAccount;

        @Override
        public Integer call() {
            try {
                deleteLocalAccount.delete(username);
                spec.commandLine().getOut().println("Deleted " + username);
                return 0;
            } catch (ApiException e) {
                spec.commandLine().getErr().println("No local account named " + username);
                return 1;
            }
        }
    }

    /** A moderator's action on one account, taken from the command line: the audit log names no actor. */
    abstract static class ModerationAction implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "username, or username@domain for a remote account")
        String acct;

        @Autowired
        ModeratedAccounts accounts;

        /** Returns whether anything changed. */
        abstract boolean apply(long accountId);

        abstract String done();

        @Override
        public Integer call() {
            try {
                boolean changed = apply(accounts.byAcct(acct).id());
                spec.commandLine().getOut().println((changed ? done() + " " : "Nothing to change for ") + acct);
                return 0;
            } catch (ApiException e) {
                boolean missing = e.status() == HttpStatus.NOT_FOUND;
                spec.commandLine().getErr().println(missing ? "No account named " + acct : e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Hide an account, its posts and media from everyone and end its sessions")
    static final class Suspend extends ModerationAction {

        @Autowired
        SuspendAccount suspendAccount;

        @Override
        boolean apply(long accountId) {
            return suspendAccount.suspend(null, accountId);
        }

        @Override
        String done() {
            return "Suspended";
        }
    }

    @Command(name = "unsuspend", mixinStandardHelpOptions = true, description = "Lift an account's suspension")
    static final class Unsuspend extends ModerationAction {

        @Autowired
        UnsuspendAccount unsuspendAccount;

        @Override
        boolean apply(long accountId) {
            return unsuspendAccount.unsuspend(null, accountId);
        }

        @Override
        String done() {
            return "Unsuspended";
        }
    }

    @Command(name = "silence", mixinStandardHelpOptions = true,
            description = "Keep an account's posts out of public timelines for all but its followers")
    static final class Silence extends ModerationAction {

        @Autowired
        SilenceAccount silenceAccount;

        @Override
        boolean apply(long accountId) {
            return silenceAccount.silence(null, accountId);
        }

        @Override
        String done() {
            return "Silenced";
        }
    }

    @Command(name = "unsilence", mixinStandardHelpOptions = true, description = "Lift an account's silence")
    static final class Unsilence extends ModerationAction {

        @Autowired
        UnsilenceAccount unsilenceAccount;

        @Override
        boolean apply(long accountId) {
            return unsilenceAccount.unsilence(null, accountId);
        }

        @Override
        String done() {
            return "Unsilenced";
        }
    }

    @Command(name = "sensitive", mixinStandardHelpOptions = true,
            description = "Show the media of all an account's posts behind a warning")
    static final class Sensitive extends ModerationAction {

        @Autowired
        SensitizeAccount sensitizeAccount;

        @Override
        boolean apply(long accountId) {
            return sensitizeAccount.sensitize(null, accountId);
        }

        @Override
        String done() {
            return "Marked sensitive";
        }
    }

    @Command(name = "warn", mixinStandardHelpOptions = true, description = "Keep a warning to an account")
    static final class Warn extends ModerationAction {

        @Option(names = "--text", defaultValue = "", description = "what the account is told")
        String text;

        @Autowired
        WarnAccount warnAccount;

        @Override
        boolean apply(long accountId) {
            warnAccount.warn(new WarnAccount.Command(null, accountId, "none", text, null));
            return true;
        }

        @Override
        String done() {
            return "Warned";
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Fetch remote profiles again from their servers and store what they say now: one account "
                    + "(user@domain), every account of a server (--domain), or every remote account")
    static final class Refresh implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", description = "one remote account, e.g. bob@mastodon.example")
        String handle;

        @Option(names = "--domain", description = "every account of this server, e.g. mastodon.example")
        String domain;

        @Autowired
        RefreshRemoteAccounts refreshRemoteAccounts;

        @Override
        public Integer call() throws InterruptedException {
            if (handle != null && domain != null) {
                throw new IllegalArgumentException("Name one account or --domain, not both");
            }
            List<String> actors = refreshRemoteAccounts.actorsIn(scope());
            if (actors.isEmpty() && (handle != null || domain != null)) {
                spec.commandLine().getErr().println("No remote account known " + (handle != null ? "as " + handle
                        : "on " + domain));
                return 1;
            }
            ProgressLine progress = new ProgressLine(spec.commandLine().getOut(), "remote accounts");
            RefreshRemoteAccounts.Refreshed refreshed = refreshRemoteAccounts.refresh(actors, progress);
            progress.finish();
            spec.commandLine().getOut().printf("Refreshed %,d, gone or refused %,d, failed for now %,d%n",
                    refreshed.refreshed(), refreshed.gone(), refreshed.failed());
            return refreshed.failed() == 0 ? 0 : 1;
        }

        private RefreshRemoteAccounts.Scope scope() {
            if (handle == null) {
                return domain == null ? RefreshRemoteAccounts.Scope.ALL : RefreshRemoteAccounts.Scope.domain(domain);
            }
            String[] parts = handle.replaceFirst("^@", "").split("@");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("Not a remote account: " + handle + " (expected user@domain)");
            }
            return new RefreshRemoteAccounts.Scope(parts[0], parts[1]);
        }
    }
}

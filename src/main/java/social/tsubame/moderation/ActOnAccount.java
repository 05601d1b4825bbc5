package social.tsubame.moderation;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import social.tsubame.account.Account;
import social.tsubame.core.ApiException;

/**
 * A moderator's action on an account as Mastodon's admin API takes it: one of none, sensitive, disable, silence or
 * suspend, with a warning that explains it and optionally the report it settles, all or nothing.
 */
@Service
public class ActOnAccount {

    public static final Set<String> TYPES = Set.of("none", "sensitive", "disable", "silence", "suspend");

    public record Command(long moderatorId, long accountId, String type, String text, Long reportId) {
    }

    private final ModeratedAccounts accounts;
    private final SensitizeAccount sensitize;
    private final DisableLogin disableLogin;
    private final SilenceAccount silence;
    private final SuspendAccount suspend;
    private final WarnAccount warn;
    private final Reports reports;
    private final ResolveReport resolveReport;

    ActOnAccount(ModeratedAccounts accounts, SensitizeAccount sensitize, DisableLogin disableLogin,
                 SilenceAccount silence, SuspendAccount suspend, WarnAccount warn, Reports reports,
                 ResolveReport resolveReport) {
        this.accounts = accounts;
        this.sensitize = sensitize;
        this.disableLogin = disableLogin;
        this.silence = silence;
        this.suspend = suspend;
        this.warn = warn;
        this.reports = reports;
        this.resolveReport = resolveReport;
    }

    @Transactional
    public void act(Command command) {
        if (!TYPES.contains(command.type())) {
            throw ApiException.unprocessable("Validation failed: type must be one of none, sensitive, disable, "
                    + "silence, suspend");
        }
        Account account = accounts.actedOnBy(command.moderatorId(), command.accountId());
        if (command.type().equals("disable") && !account.isLocal()) {
            throw ApiException.unprocessable("Validation failed: only a local account has a login to disable");
        }
        if (command.reportId() != null) {
            reports.findById(command.reportId()).filter(report -> report.targetAccountId() == account.id())
                    .orElseThrow(ApiException::notFound);
        }
        switch (command.type()) {
            case "sensitive" -> sensitize.sensitize(command.moderatorId(), account.id());
            case "disable" -> disableLogin.disable(command.moderatorId(), account.id());
            case "silence" -> silence.silence(command.moderatorId(), account.id());
            case "suspend" -> suspend.suspend(command.moderatorId(), account.id());
            default -> { }
        }
        boolean explained = command.text() != null && !command.text().isBlank();
        if (explained || !command.type().equals("none")) {
            warn.warn(new WarnAccount.Command(command.moderatorId(), account.id(), command.type(), command.text(),
                    command.reportId()));
        }
        if (command.reportId() != null) {
            resolveReport.resolve(command.reportId(), command.moderatorId());
        }
    }
}

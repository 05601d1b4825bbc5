package social.tsubame.pages;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;

import social.tsubame.account.RegistrationSettings;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.boot.Roles;
import social.tsubame.core.Uris;
import social.tsubame.instance.InstanceContact;
import social.tsubame.instance.InstanceSettings;
import social.tsubame.instance.InstanceStatistics;
import social.tsubame.instance.ServerRules;

/** {@code /about}: what the server is, its rules, who runs it, whether one can join, how big it is. */
@Controller
@Profile(Roles.WEB)
class AboutPage {

    private final InstanceSettings settings;
    private final InstanceStatistics statistics;
    private final RegistrationSettings registrations;
    private final ServerRules rules;
    private final InstanceContact contact;
    private final AccountsToApiAccounts toApiAccounts;
    private final ServerDomainBlocks domainBlocks;
    private final SiteModel site;
    private final Uris uris;

    AboutPage(InstanceSettings settings, InstanceStatistics statistics, RegistrationSettings registrations,
              ServerRules rules, InstanceContact contact, AccountsToApiAccounts toApiAccounts,
              ServerDomainBlocks domainBlocks, SiteModel site, Uris uris) {
        this.settings = settings;
        this.statistics = statistics;
        this.registrations = registrations;
        this.rules = rules;
        this.contact = contact;
        this.toApiAccounts = toApiAccounts;
        this.domainBlocks = domainBlocks;
        this.site = site;
        this.uris = uris;
    }

    @PageGet("/about")
    String about(Model model) {
        SiteModel.Site server = site.site();
        String preview = settings.description().isBlank() ? "A server of the fediverse at " + server.domain()
                : settings.description();
        model.addAttribute("description", settings.description());
        model.addAttribute("counts", statistics.counts());
        model.addAttribute("registrations", switch (registrations.mode()) {
            case OPEN -> "Open: anyone can sign up.";
            case APPROVED -> "By approval: anyone can ask to sign up, and the moderators let people in.";
            case CLOSED -> "Closed: this server takes no new sign-ups.";
        });
        model.addAttribute("registrationMode", registrations.mode().name().toLowerCase());
        model.addAttribute("rules", rules.all());
        model.addAttribute("contact", contact.accountId().flatMap(toApiAccounts::one)
                .map(account -> PostView.Author.of(account, uris.localDomain())).orElse(null));
        model.addAttribute("contactEmail", settings.contactEmail());
        model.addAttribute("domainBlocks", settings.showDomainBlocks() ? domainBlocks.all() : List.of());
        model.addAttribute("meta", PageMeta.website("About " + server.name(), PageFormats.shortened(preview),
                uris.base() + "/about"));
        return "pages/about";
    }
}

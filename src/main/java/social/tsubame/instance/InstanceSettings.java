package social.tsubame.instance;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server presents itself to apps and visitors.
 *
 * @param title        its name; the domain when unset
 * @param description  a paragraph about it
 * @param contactEmail where to reach its operators
 * @param languages    the languages its people mostly write in, ISO 639 codes
 * @param sourceUrl    where its source code can be had, for the licence's sake
 * @param contactUsername the local account people should write to about the server; the first owner when unset
 * @param showDomainBlocks whether visitors of {@code /about} see the servers this one limits or suspends, with the
 *                         public reason, as Mastodon's {@code show_domain_blocks: all}
 */
@ConfigurationProperties("tsubame.instance")
public record InstanceSettings(String title, String description, String contactEmail, List<String> languages,
                               String sourceUrl, String contactUsername, boolean showDomainBlocks) {

    public InstanceSettings {
        description = description == null ? "" : description;
        contactEmail = contactEmail == null ? "" : contactEmail;
        sourceUrl = sourceUrl == null ? "" : sourceUrl;
        contactUsername = contactUsername == null ? "" : contactUsername.strip().replaceFirst("^@", "");
        languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
    }

    /** Its name: the title, or {@code localDomain} when no title is set. */
    public String titleOr(String localDomain) {
        return title == null || title.isBlank() ? localDomain : title;
    }
}

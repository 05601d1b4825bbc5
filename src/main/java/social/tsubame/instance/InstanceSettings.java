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
 */
@ConfigurationProperties("tsubame.instance")
public record InstanceSettings(String title, String description, String contactEmail, List<String> languages,
                               String sourceUrl) {

    public InstanceSettings {
        description = description == null ? "" : description;
        contactEmail = contactEmail == null ? "" : contactEmail;
        sourceUrl = sourceUrl == null ? "" : sourceUrl;
        languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
    }
}

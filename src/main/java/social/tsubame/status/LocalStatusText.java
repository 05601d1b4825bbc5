package social.tsubame.status;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import social.tsubame.account.Account;
import social.tsubame.core.ApiException;
import social.tsubame.core.Uris;

/** What a local author typed, checked against the limits and turned into HTML with its mentions linked. */
@Component
class LocalStatusText {

    /** The checked text, its HTML and the accounts it mentions. */
    record Prepared(String text, String spoilerText, String html, Set<Account> mentioned) {
    }

    private final Mentions mentions;
    private final LocalTextToHtml toHtml;
    private final Uris uris;
    private final int maxCharacters;

    LocalStatusText(Mentions mentions, LocalTextToHtml toHtml, Uris uris,
                    @Value("${tsubame.statuses.max-characters:500}") int maxCharacters) {
        this.mentions = mentions;
        this.toHtml = toHtml;
        this.uris = uris;
        this.maxCharacters = maxCharacters;
    }

    /** @param hasMedia whether attachments carry the post, which may then have no text */
    Prepared prepare(String text, String spoilerText, boolean hasMedia) {
        String body = text == null ? "" : text;
        String spoiler = spoilerText == null ? "" : spoilerText;
        if (body.isBlank() && !hasMedia) {
            throw ApiException.unprocessable("Validation failed: Text can't be blank");
        }
        if (LocalTextToHtml.countedLength(body) + spoiler.codePointCount(0, spoiler.length()) > maxCharacters) {
            throw ApiException.unprocessable("Validation failed: Text character limit of " + maxCharacters
                    + " exceeded");
        }
        Map<String, Account> mentioned = mentions.in(body);
        Map<String, String> profiles = new LinkedHashMap<>();
        mentioned.forEach((handle, account) -> profiles.put(handle, account.isLocal()
                ? uris.profile(account.username()) : account.url() != null ? account.url() : account.uri()));
        return new Prepared(body, spoiler, toHtml.render(body, profiles), new LinkedHashSet<>(mentioned.values()));
    }
}

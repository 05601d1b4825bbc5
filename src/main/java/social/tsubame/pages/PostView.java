package social.tsubame.pages;

import java.util.List;

import social.tsubame.api.model.ApiAccount;
import social.tsubame.api.model.ApiMediaAttachment;

/**
 * A post as a page shows it. {@code content} is the stored, sanitized HTML (with hashtags pointing at this
 * server's tag pages); every other text is plain and escaped by the template.
 *
 * @param pageUrl   where the post's own page is: here for local posts, on its server for remote ones
 * @param language  the ISO 639 code of the language it is written in, when known
 * @param boostedBy who boosted it, when it appears in a list as a boost; null otherwise
 */
record PostView(String id, String pageUrl, Author author, String content, String language, String spoilerText,
                boolean sensitive, List<ApiMediaAttachment> media, String createdAt, String createdAtText,
                boolean edited, String visibility, int repliesCount, int reblogsCount, int favouritesCount,
                Author boostedBy) {

    /**
     * @param url     the account's page: here for local accounts, on their server for remote ones
     * @param noindex whether the account asked search engines not to index its pages
     */
    record Author(String name, String handle, String url, String avatar, boolean bot, boolean noindex) {

        static Author of(ApiAccount account, String localDomain) {
            String name = account.displayName() == null || account.displayName().isBlank() ? account.username()
                    : account.displayName();
            String handle = "@" + (account.acct().contains("@") ? account.acct() : account.acct() + "@" + localDomain);
            return new Author(name, handle, account.url(), account.avatar(), account.bot(), account.noindex());
        }
    }

    /** The first image, which link previews show instead of the author's picture. */
    ApiMediaAttachment firstImage() {
        return media.stream().filter(attachment -> "image".equals(attachment.type())).findFirst().orElse(null);
    }
}

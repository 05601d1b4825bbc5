package social.tsubame.pages;

/**
 * What a page says about itself to search engines and link previews (OpenGraph, Twitter cards), and where its
 * ActivityPub document is.
 *
 * @param type        OpenGraph's {@code og:type}: {@code profile}, {@code article} or {@code website}
 * @param url         the page's canonical address
 * @param alternate   the ActivityPub id of what the page shows; null for pages without one
 * @param largeImage  whether the image is the post's own picture, shown large in previews
 * @param noindex     whether the account asked search engines to stay away
 */
record PageMeta(String title, String description, String image, String type, String url, String alternate,
                boolean largeImage, boolean noindex) {

    static PageMeta website(String title, String description, String url) {
        return new PageMeta(title, description, null, "website", url, null, false, false);
    }

    public String twitterCard() {
        return largeImage ? "summary_large_image" : "summary";
    }
}

package social.tsubame.pages;

/** Nothing a visitor may see is at this address: no such account or post, or one that is not public. */
class PageNotFound extends RuntimeException {

    PageNotFound() {
        super("Not found", null, false, false);
    }
}

package social.tsubame.pages;

/** The page's account is suspended: said as such with 410 Gone, as Mastodon answers, rather than as missing. */
class AccountSuspended extends RuntimeException {

    AccountSuspended() {
        super("Suspended", null, false, false);
    }
}

package social.tsubame.instance;

import org.springframework.stereotype.Component;

/** The version of the running software, from the jar's manifest. */
@Component
public class SoftwareVersion {

    /** The Mastodon API level Tsubame follows; clients parse the leading version to choose features. */
    private static final String MASTODON_API_LEVEL = "4.3.0";

    private final String version;

    public SoftwareVersion() {
        String fromManifest = SoftwareVersion.class.getPackage().getImplementationVersion();
        this.version = fromManifest == null ? "development" : fromManifest;
    }

    public String version() {
        return version;
    }

    /** What {@code /api/v1/instance} reports: Mastodon's level with our own version appended, as other servers do. */
    public String mastodonCompatible() {
        return MASTODON_API_LEVEL + " (compatible; Tsubame " + version + ")";
    }
}

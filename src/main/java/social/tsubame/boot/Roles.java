package social.tsubame.boot;

import java.util.List;

/**
 * The roles a process can play. Each is a Spring profile; a process started with none of them plays all of them,
 * which is how a small server runs.
 */
public final class Roles {

    public static final String WEB = "web";
    public static final String FEDERATION = "federation";
    public static final String STREAMING = "streaming";
    public static final String WORKER = "worker";

    /** Profile of the admin command line: no role, no HTTP server, no consumers. */
    public static final String ADMIN_CLI = "admin-cli";

    public static final List<String> ALL = List.of(WEB, FEDERATION, STREAMING, WORKER);

    /** Roles that answer HTTP requests from browsers, apps or other servers. */
    public static final List<String> SERVING = List.of(WEB, FEDERATION, STREAMING);

    private Roles() {
    }
}

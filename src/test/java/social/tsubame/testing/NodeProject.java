package social.tsubame.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Node project under {@code interop/} that a test runs: it pins the npm package {@code node}, so it brings its own
 * Node whatever is on the machine, and only {@code npm} has to be on the {@code PATH}.
 */
public record NodeProject(Path directory) {

    public static NodeProject named(String name) {
        return new NodeProject(Path.of("interop", name).toAbsolutePath());
    }

    public String name() {
        return directory.getFileName().toString();
    }

    /** The Node the project pins. */
    public Path node() {
        return directory.resolve("node_modules/node/bin/node");
    }

    /** Runs {@code npm ci} when the packages are missing or older than the lockfile; its output goes to target/. */
    public NodeProject install() throws IOException, InterruptedException {
        Path installed = directory.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed) && Files.exists(node()) && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json"))) >= 0) {
            return this;
        }
        Path log = Path.of("target", name() + "-npm.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("This test needs npm on the PATH to install " + directory
                    + " (it brings its own Node)", e);
        }
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + directory + " failed:\n" + Files.readString(log));
        }
        return this;
    }

    /** A process running {@code script} of this project with its Node, in its directory. */
    public ProcessBuilder run(String script) {
        return new ProcessBuilder(node().toString(), script).directory(directory.toFile());
    }
}

package social.tsubame.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The process named in an embedded server's pid file: an orphan left by a killed Tsubame process, which still holds
 * the data directory and is stopped before a new server starts there.
 */
final class StaleProcess {

    private StaleProcess() {
    }

    static void stopIfRunning(Path pidFile, String expectedCommand, Duration grace) {
        find(pidFile, expectedCommand).ifPresent(process -> terminate(process, grace));
    }

    private static Optional<ProcessHandle> find(Path pidFile, String expectedCommand) {
        return readLines(pidFile).stream().findFirst()
                .flatMap(StaleProcess::parsePid)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(expectedCommand)).orElse(false));
    }

    private static void terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    static List<String> readLines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

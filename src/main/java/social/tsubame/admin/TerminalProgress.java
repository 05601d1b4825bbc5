package social.tsubame.admin;

import java.io.PrintWriter;

import social.tsubame.backup.BackupProgress;

/** Progress of a backup, restore or verify, one line per step and table, media files every so often. */
final class TerminalProgress implements BackupProgress {

    private static final int MEDIA_LINES = 20;

    private final PrintWriter out;

    TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void step(String description) {
        out.println(description);
        out.flush();
    }

    @Override
    public void table(String name, long rows, long bytes) {
        out.printf("  %-32s %,12d rows %12s%n", name, rows, size(bytes));
        out.flush();
    }

    @Override
    public void mediaFile(int done, int total, long bytesSoFar) {
        if (done == total || done % Math.max(1, total / MEDIA_LINES) == 0) {
            out.printf("  media files %,d/%,d %12s%n", done, total, size(bytesSoFar));
            out.flush();
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return "%.1f %s".formatted(value, units[unit]);
    }
}

package social.tsubame.admin;

import java.io.PrintWriter;

import social.tsubame.core.Progress;

/**
 * Long work's progress on the operator's terminal: done of total and the rate, one line rewritten in place a few times
 * a second; when the output is not a terminal (a pipe, a log), a line every few seconds instead.
 */
final class ProgressLine implements Progress {

    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final String what;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long total;
    private long done;
    private long printedAt = started;

    /** @param what the units, as in "12/40 home feeds" */
    ProgressLine(PrintWriter out, String what) {
        this.out = out;
        this.what = what;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    @Override
    public synchronized void total(long units) {
        total = units;
    }

    @Override
    public synchronized void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (now - printedAt >= (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS)) {
            printedAt = now;
            out.print((terminal ? "\r" : "") + line(now) + (terminal ? "" : System.lineSeparator()));
            out.flush();
        }
    }

    /** The last line, which stays. */
    synchronized void finish() {
        out.println((terminal ? "\r" : "") + line(System.nanoTime()));
        out.flush();
    }

    private String line(long now) {
        double seconds = Math.max(now - started, 1) / 1e9;
        return "%,d/%,d %s in %.1fs (%,.0f/s)".formatted(done, Math.max(total, done), what, seconds, done / seconds);
    }
}

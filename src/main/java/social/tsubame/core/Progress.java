package social.tsubame.core;

/**
 * How far long work has come, told by the work to whoever watches it: the command line draws it as a line of done,
 * total and rate; scheduled runs watch nothing.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void total(long units) {
        }

        @Override
        public void advance(long units) {
        }
    };

    /** The work has {@code units} to do in all (may be told again when the estimate changes). */
    void total(long units);

    /** {@code units} more are done. */
    void advance(long units);
}

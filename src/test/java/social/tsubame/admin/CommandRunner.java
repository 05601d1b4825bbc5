package social.tsubame.admin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;

import org.springframework.context.ApplicationContext;

/** Runs admin commands the two ways tests need and captures what they print, as the operator's terminal shows it. */
final class CommandRunner {

    record Result(int exitCode, String out, String err) {
    }

    private CommandRunner() {
    }

    /** Runs the words after {@code admin} with the beans of a test's running server. */
    static Result withBeansOf(ApplicationContext context, String... args) {
        return captured(() -> AdminCli.execute(context, args));
    }

    /**
     * Runs the words after {@code admin} as the jar does: an application of its own starts with these properties
     * (winning over the configuration) and stops when the command is done.
     */
    static Result asFromTheJar(Map<String, Object> properties, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = AdminCli.COMMAND;
        System.arraycopy(args, 0, full, 1, args.length);
        return captured(() -> AdminCli.run(full, properties));
    }

    /** Commands print to the process's standard streams, so one command at a time is captured. */
    private static synchronized Result captured(IntSupplier command) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = command.getAsInt();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}

package social.tsubame.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import social.tsubame.TsubameApplication;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;

/**
 * The operator's command line, run from the server's own jar: {@code java -jar tsubame.jar admin …}. It starts the
 * application without any role (no HTTP server, no queue consumer) against the configured database and Redis.
 */
public final class AdminCli {

    public static final String COMMAND = "admin";

    private AdminCli() {
    }

    /** Runs the command after {@code admin}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, Map.of());
    }

    /** Runs a command with extra application properties, which win over the configuration (tests use them). */
    static int run(String[] args, Map<String, Object> properties) {
        String[] commandArgs = Arrays.copyOfRange(args, 1, args.length);
        CommandLine help = new CommandLine(new AdminCommand());
        if (commandArgs.length == 0) {
            help.usage(System.out);
            return CommandLine.ExitCode.USAGE;
        }
        // Parsed before the application starts, so a mistyped command costs no startup and shows no stack trace.
        try {
            if (help.parseArgs(commandArgs).isUsageHelpRequested() || help.getParseResult().subcommand() == null) {
                help.usage(System.out);
                return CommandLine.ExitCode.OK;
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            e.getCommandLine().usage(System.err);
            return CommandLine.ExitCode.USAGE;
        }
        Map<String, Object> startup = new LinkedHashMap<>(properties);
        if (help.getParseResult().subcommand().commandSpec().userObject() instanceof LeavesSchemaAlone) {
            startup.put("spring.flyway.enabled", false);
            startup.put("spring.jpa.hibernate.ddl-auto", "none");
        }
        String[] propertyArgs = startup.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = application().run(propertyArgs)) {
            return execute(context, commandArgs);
        }
    }

    /** Runs a command (the words after {@code admin}) with the beans of a running application (tests use it). */
    static int execute(ApplicationContext context, String... commandArgs) {
        return new CommandLine(new AdminCommand(), new SpringCommandFactory(context))
                .setExecutionExceptionHandler(AdminCli::explainBadInput)
                .execute(commandArgs);
    }

    /** A name or number the operator mistyped, or a record that is not there, is told in one line. */
    private static int explainBadInput(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof ApiException refused) {
            command.getErr().println(refused.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        throw e;
    }

    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(TsubameApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(Roles.ADMIN_CLI);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        return application;
    }
}

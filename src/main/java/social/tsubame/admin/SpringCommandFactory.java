package social.tsubame.admin;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine;

/**
 * Builds command objects with their collaborators injected from the application context. Commands take collaborators
 * in fields, not constructors, so that picocli can also build them without a context to print their help.
 */
final class SpringCommandFactory implements CommandLine.IFactory {

    private final ApplicationContext context;

    SpringCommandFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.getPackageName().startsWith(AdminCli.class.getPackageName())) {
            return context.getAutowireCapableBeanFactory().createBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }
}

package social.tsubame;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import social.tsubame.admin.AdminCli;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class TsubameApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(AdminCli.COMMAND)) {
            System.exit(AdminCli.run(args));
        }
        SpringApplication.run(TsubameApplication.class, args);
    }
}

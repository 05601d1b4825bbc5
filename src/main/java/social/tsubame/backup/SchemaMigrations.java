package social.tsubame.backup;

import java.util.Arrays;
import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This build's Flyway migrations, applied to a database up to a version of choice. */
@Component
class SchemaMigrations {

    private final String[] locations;

    SchemaMigrations(@Value("${spring.flyway.locations:classpath:db/migration}") String[] locations) {
        this.locations = locations;
    }

    /** The newest schema version this build knows. */
    MigrationVersion latest(DataSource dataSource) {
        return Arrays.stream(configure(dataSource).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("No migrations at " + String.join(",", locations)));
    }

    void migrateTo(DataSource dataSource, MigrationVersion version) {
        configure(dataSource).target(version).load().migrate();
    }

    void migrateToLatest(DataSource dataSource) {
        configure(dataSource).load().migrate();
    }

    private FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(locations);
    }
}

package org.metrolims.app.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Spring Boot's: that one asks
 * {@code Connection.isValid(0)}, which waits without limit for a server that stopped answering. Here the wait is
 * bounded twice: by the pool's connection timeout ({@code spring.datasource.hikari.connection-timeout}) to get a
 * connection, and by {@link #VALIDATION_SECONDS} for the server to answer on it; either failing is DOWN.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

    static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        super("The database could not be reached");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (c.isValid(VALIDATION_SECONDS)) {
                builder.up().withDetail("database", product);
            } else {
                builder.down().withDetail("database", product)
                        .withDetail("error", "no answer within " + VALIDATION_SECONDS + " s");
            }
        }
    }
}

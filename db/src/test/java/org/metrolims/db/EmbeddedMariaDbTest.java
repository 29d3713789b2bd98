package org.metrolims.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossAStopAndAStart() throws SQLException {
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir, 0)) {
            first.createDatabase("lims");
            execute(first, "CREATE TABLE kept (v VARCHAR(20)) CHARACTER SET utf8mb4");
            execute(first, "INSERT INTO kept VALUES ('量值溯源')");
        }
        assertThat(dataDir.resolve("lims")).isDirectory();
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDir, 0)) {
            assertThat(queryOne(second, "SELECT v FROM kept")).isEqualTo("量值溯源");
        }
    }

    @Test
    void runsMariaDb114InUtcWithUtf8mb4() throws SQLException {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0)) {
            server.createDatabase("lims");
            assertThat(queryOne(server, "SELECT VERSION()")).startsWith("11.4.");
            assertThat(queryOne(server, "SELECT @@character_set_server")).isEqualTo("utf8mb4");
            assertThat(queryOne(server, "SELECT @@global.time_zone")).isEqualTo("+00:00");
            assertThat(queryOne(server, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void deletesATemporaryServersDataWhenItStops() {
        Path temporaryData;
        Path runDir;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.startTemporary()) {
            temporaryData = server.dataDir();
            runDir = server.runDir();
            assertThat(temporaryData).isDirectory();
        }
        assertThat(Files.exists(temporaryData)).isFalse();
        assertThat(Files.exists(runDir)).isFalse();
    }

    @Test
    void refusesADatabaseNameThatCouldInjectSql() throws SQLException {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0)) {
            server.createDatabase("lims");
            assertThatThrownBy(() -> server.createDatabase("x`; DROP DATABASE mysql; --"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(queryOne(server, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'mysql'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void refusesUnknownUsersAndRootWithoutAPasswordOverTcp() throws SQLException {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0)) {
            server.createDatabase("lims");
            assertAccessDenied(server, "nobody", "");
            assertAccessDenied(server, "", "");
            assertAccessDenied(server, "root", "");
            assertAccessDenied(server, EmbeddedMariaDb.USER, "");
            assertAccessDenied(server, EmbeddedMariaDb.USER, server.password() + "x");
            // the application's account works, and has no anonymous or password-less neighbours
            assertThat(queryOne(server, "SELECT CURRENT_USER()")).isEqualTo(EmbeddedMariaDb.USER + "@127.0.0.1");
            assertThat(queryOne(server, "SELECT COUNT(*) FROM mysql.user WHERE User = ''")).isEqualTo("0");
            assertThat(queryOne(server, "SELECT GROUP_CONCAT(CONCAT(User, '@', Host, ':', plugin)) FROM mysql.user"
                    + " WHERE User = 'root'")).isEqualTo("root@localhost:unix_socket");
        }
    }

    @Test
    void keepsThePasswordInAnOwnerOnlyFileAndTheSocketInAPrivateFolder() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0)) {
            server.createDatabase("lims");
            Path passwordFile = server.dataDir().resolve(EmbeddedMariaDb.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile)).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.runDir())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir())))
                    .isEqualTo("rwx------");
            assertThat(Path.of(queryOne(server, "SELECT @@socket")).getParent()).isEqualTo(server.runDir());
            assertThat(server.runDir().getParent()).isNotEqualTo(server.dataDir());
        }
        // the next start reuses the password
        String first = Files.readString(dataDir.toRealPath().resolve(EmbeddedMariaDb.PASSWORD_FILE));
        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(dataDir, 0)) {
            assertThat(again.password()).isEqualTo(first);
            assertThat(queryOne(again, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aTemporaryServerAlsoRefusesPasswordlessLogins() throws SQLException {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.startTemporary()) {
            server.createDatabase("lims");
            assertAccessDenied(server, "root", "");
            assertAccessDenied(server, "nobody", "");
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(server.dataDir().resolve(EmbeddedMariaDb.PASSWORD_FILE)).doesNotExist();
        }
    }

    /**
     * A data folder made by the MetroLIMS before grant tables were in force: anonymous accounts, no password file,
     * and triggers and procedures whose definer is the anonymous ''@'' (what a server without grant tables records).
     */
    @Test
    void bringsADataFolderMadeWithoutGrantTablesUpToDate() throws Exception {
        try (EmbeddedMariaDb made = EmbeddedMariaDb.start(dataDir, 0)) {
            made.createDatabase("lims");
        }
        Path real = dataDir.toRealPath();
        Files.delete(real.resolve(EmbeddedMariaDb.PASSWORD_FILE));
        runWithoutGrantTables(real, List.of(
                "INSERT INTO mysql.global_priv (Host, User, Priv) VALUES ('localhost', '', '{}'), ('%', '', '{}')",
                "CREATE TABLE lims.t (a INT, b INT)",
                "CREATE TABLE lims.log (a INT)",
                "CREATE TRIGGER lims.t_first BEFORE INSERT ON lims.t FOR EACH ROW SET NEW.b = 1",
                "CREATE TRIGGER lims.t_second BEFORE INSERT ON lims.t FOR EACH ROW SET NEW.b = NEW.b * 10",
                "CREATE PROCEDURE lims.note(IN v INT) INSERT INTO lims.log VALUES (v)",
                "CREATE TRIGGER lims.t_after AFTER INSERT ON lims.t FOR EACH ROW CALL lims.note(NEW.a)"));

        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    real.resolve(EmbeddedMariaDb.PASSWORD_FILE)))).isEqualTo("rw-------");
            assertAccessDenied(server, "nobody", "");
            assertAccessDenied(server, "root", "");
            execute(server, "INSERT INTO t (a) VALUES (7)");
            // both triggers ran, in their old order (1, then times 10), and the procedure the third calls
            assertThat(queryOne(server, "SELECT b FROM t")).isEqualTo("10");
            assertThat(queryOne(server, "SELECT a FROM log")).isEqualTo("7");
            assertThat(queryOne(server, "SELECT GROUP_CONCAT(DISTINCT definer) FROM information_schema.triggers"
                    + " WHERE trigger_schema = 'lims'")).isEqualTo(EmbeddedMariaDb.USER + "@127.0.0.1");
        }
    }

    @Test
    void commitsDurablyUnlessToldOtherwise() throws SQLException {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0)) {
            server.createDatabase("lims");
            assertThat(queryOne(server, "SELECT @@innodb_flush_log_at_trx_commit")).isEqualTo("1");
        }
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0, 2)) {
            assertThat(queryOne(server, "SELECT @@innodb_flush_log_at_trx_commit")).isEqualTo("2");
        }
        assertThatThrownBy(() -> EmbeddedMariaDb.start(dataDir, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A JVM killed with SIGKILL leaves its server running; the next start on the folder must not need hand work. */
    @Test
    void stopsAServerLeftRunningOnItsDataFolder() throws SQLException {
        EmbeddedMariaDb orphan = EmbeddedMariaDb.start(dataDir, 0);
        try {
            orphan.createDatabase("lims");
            execute(orphan, "CREATE TABLE kept (v INT)");
            execute(orphan, "INSERT INTO kept VALUES (42)");
            long orphanPid = orphan.pid();
            try (EmbeddedMariaDb next = EmbeddedMariaDb.start(dataDir, 0)) {
                assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(queryOne(next, "SELECT v FROM kept")).isEqualTo("42");
            }
        } finally {
            orphan.close();
        }
    }

    @Test
    void restartsAServerThatDiedOnTheSameDataAndPort() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, 0).keepAlive(Duration.ofSeconds(1))) {
            server.createDatabase("lims");
            execute(server, "CREATE TABLE kept (v INT)");
            execute(server, "INSERT INTO kept VALUES (42)");
            long killed = server.pid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            ProcessHandle.of(killed).orElseThrow().onExit().get(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String value = null;
            while (value == null && System.nanoTime() < deadline) {
                try {
                    value = queryOne(server, "SELECT v FROM kept");
                } catch (SQLException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(value).as("a connection to the restarted server within 15 s").isEqualTo("42");
            // the server answers before the restart has read its pid file: wait for that, without a fixed sleep
            while (server.pid() == killed && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.pid()).isNotEqualTo(killed);
            assertThat(server.isRunning()).isTrue();
        }
    }

    /** kill -9 of the JVM runs no shutdown hook; the watcher next to the server stops it instead. */
    @Test
    void stopsItsServerWhenTheJvmThatStartedItIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerInAnotherJvm.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        long serverPid = 0;
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()));
            String line;
            while (serverPid == 0 && (line = out.readLine()) != null) {
                if (line.startsWith("SERVER PID ")) {
                    serverPid = Long.parseLong(line.substring(11).trim());
                }
            }
            assertThat(serverPid).as("the other JVM started a server").isPositive();
            ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
            jvm.destroyForcibly(); // SIGKILL
            jvm.waitFor(10, TimeUnit.SECONDS);
            server.onExit().get(30, TimeUnit.SECONDS);
            assertThat(server.isAlive()).isFalse();
        } finally {
            jvm.destroyForcibly();
            if (serverPid > 0) {
                ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly); // only when the test failed
            }
        }
    }

    /** Starts a kept server on the folder it is given, prints its pid, and waits to be killed. */
    static final class ServerInAnotherJvm {
        public static void main(String[] args) throws Exception {
            EmbeddedMariaDb server = EmbeddedMariaDb.start(Path.of(args[0]), 0);
            System.out.println("SERVER PID " + server.pid());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        }
    }

    /** Starts mariadbd as the MetroLIMS before this one did (no grant tables) and runs statements as anyone. */
    private static void runWithoutGrantTables(Path dataDir, List<String> statements) throws Exception {
        Path base = EmbeddedMariaDb.unpackedServer();
        Path run = Files.createTempDirectory("legacy-run-");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(base.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--console", "--basedir=" + base, "--datadir=" + dataDir, "--socket=" + run.resolve("s.sock"),
                "--tmpdir=" + run, "--port=" + port, "--bind-address=127.0.0.1", "--skip-grant-tables",
                "--skip-name-resolve", "--skip-ssl")
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("log").toFile());
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        if ("root".equals(System.getProperty("user.name"))) {
            builder.command().add("--user=root");
        }
        Process server = builder.start();
        try {
            Connection c = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c == null) {
                try {
                    c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline || !server.isAlive()) {
                        throw new IllegalStateException(Files.readString(run.resolve("log")), notYet);
                    }
                    Thread.sleep(200);
                }
            }
            try (Connection open = c; Statement s = open.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void assertAccessDenied(EmbeddedMariaDb server, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("lims"), user, password).close())
                .as("a TCP login as '%s' without its password", user)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    // ER_ACCESS_DENIED_ERROR, or ER_ACCESS_DENIED_NO_PASSWORD_ERROR for root (unix socket only)
                    assertThat(e.getErrorCode()).isIn(1045, 1698);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                });
    }

    private static void execute(EmbeddedMariaDb server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("lims"), server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(EmbeddedMariaDb server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("lims"), server.username(), server.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

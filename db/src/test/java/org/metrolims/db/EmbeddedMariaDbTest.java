package org.metrolims.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        try (EmbeddedMariaDb server = EmbeddedMariaDb.startTemporary()) {
            temporaryData = server.dataDir();
            assertThat(temporaryData).isDirectory();
        }
        assertThat(Files.exists(temporaryData)).isFalse();
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

package org.metrolims.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    static TestDatabase.TestSchema schema;
    static MigrateResult result;

    @BeforeAll
    static void migrateAnEmptySchema() {
        schema = TestDatabase.newEmptySchema(MigrationsTest.class);
        result = Flyway.configure().dataSource(schema.dataSource()).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersion() {
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(tables()).contains("region", "organization", "organization_scope", "discipline", "quantity",
                "measurement_standard", "measurement_standard_status", "standard_assessment_certificate",
                "instrument_type", "instrument", "calibration", "calibration_reference_standard",
                "measurement_point", "app_user", "user_role", "audit_event");
    }

    @Test
    void everyTableIsInnoDbWithUtf8mb4() throws SQLException {
        List<String> offenders = query("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND (engine <> 'InnoDB' OR table_collation NOT LIKE 'utf8mb4%')""");
        assertThat(offenders).isEmpty();
    }

    @Test
    void rejectsARegionCodeThatIsNotSixDigits() {
        assertThatThrownBy(() -> execute(
                "INSERT INTO region (code, name_zh, name_en, level) VALUES ('35A000', '省', 'Province', 'PROVINCE')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("ck_region_code");
    }

    @Test
    void rejectsACityWithoutAParentRegion() {
        assertThatThrownBy(() -> execute(
                "INSERT INTO region (code, name_zh, name_en, level) VALUES ('350100', '福州市', 'Fuzhou', 'CITY')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("ck_region_parent");
    }

    @Test
    void refusesToUpdateOrDeleteTheAuditTrail() throws SQLException {
        execute("INSERT INTO audit_event (actor, action, entity_type, entity_id, after_state) "
                + "VALUES ('tech1', 'CREATE', 'instrument', '1', '{\"serial\": \"A1\"}')");
        assertThatThrownBy(() -> execute("UPDATE audit_event SET actor = 'someone-else'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_event"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThat(query("SELECT actor FROM audit_event")).containsExactly("tech1");
    }

    @Test
    void rejectsAnAuditStateThatIsNotJson() {
        assertThatThrownBy(() -> execute(
                "INSERT INTO audit_event (actor, action, after_state) VALUES ('tech1', 'CREATE', 'not json')"))
                .isInstanceOf(SQLException.class);
    }

    private List<String> tables() {
        try {
            return query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        DataSource ds = schema.dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = schema.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

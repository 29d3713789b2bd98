package org.metrolims.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** What the demo tests share: a loader on a test schema, and a checksum of a table's rows. */
final class DemoFixtures {

    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    static final long SEED = 20260101L;
    /** About 40 standards and 4,000 calibrations: enough to have every kind of row, quick to load. */
    static final double SMALL = 0.02;

    private DemoFixtures() {}

    /**
     * A pooled connection like the application's: the loader writes from two threads, and the
     * test schema's plain MariaDbDataSource would open a new physical connection per statement.
     */
    static DSLContext dsl(TestDatabase.TestSchema schema) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("demo-test-" + schema.name());
        pool.setJdbcUrl(schema.url());
        pool.setUsername(schema.username());
        pool.setPassword(schema.password());
        pool.setMaximumPoolSize(4);
        return DSL.using(pool, SQLDialect.MARIADB);
    }

    static DemoProvinceLoader loader(DSLContext dsl, boolean enabled, long seed, double scale) {
        return new DemoProvinceLoader(new DemoSettings(enabled, seed, scale, ANCHOR), new DemoProvinceRepository(dsl),
                new AuditTrail(dsl), new BCryptPasswordEncoder()::encode, java.util.List.of());
    }

    /**
     * SHA-256 over every row of the table in primary-key order, all columns but {@code except}.
     * The loader writes no clock-dependent column, so two loads of one province hash the same.
     */
    static String checksum(DSLContext dsl, Table<?> table, Field<?>... except) {
        List<Field<?>> fields = new ArrayList<>(Arrays.asList(table.fields()));
        fields.removeAll(Arrays.asList(except));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Record r : dsl.select(fields).from(table).orderBy(table.getPrimaryKey().getFields()).fetch()) {
                digest.update(Arrays.toString(r.intoArray()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

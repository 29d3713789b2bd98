import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;
import org.metrolims.db.EmbeddedMariaDb;

/**
 * Build step of the db module: generates the jOOQ classes from the migrated schema.
 *
 * <p>Starts a throw-away embedded MariaDB, applies the Flyway migrations and lets jOOQ read the
 * real schema (types, keys, checks exactly as MariaDB has them) rather than simulating the DDL.
 * Launched as a single-file program on the toolchain JDK, because jOOQ 3.21 needs Java 21 and
 * Maven itself may run on an older JDK. It skips the work when the migrations are unchanged.
 *
 * <p>Arguments: migrations folder, output folder, target package.
 */
public class GenerateJooq {

    private static final String SCHEMA = "lims";

    /**
     * The TIMESTAMP columns that record when something happened to a record and that the code
     * reads and writes as {@link java.time.Instant}. The remaining TIMESTAMP columns (row
     * {@code created_at}/{@code updated_at} defaults, scheme claims, interval decisions, lab
     * messages, locks) stay {@code LocalDateTime}: the code shows them as local date-times.
     */
    private static final String INSTANT_COLUMNS = "(?i:(.*\\.)?("
            + "calibration\\.(submitted_at|approved_at|returned_at)"
            + "|calibration_reference_override\\.overridden_at"
            + "|certificate\\.(issued_at|withdrawn_at)"
            + "|certificate_batch\\.(requested_at|finished_at)"
            + "|certificate_batch_item\\.mailed_at"
            + "|pt_round\\.(submission_deadline|scored_at)"
            + "|pt_enrolment\\.(applied_at|decided_at)"
            + "|pt_result\\.submitted_at"
            + "|pt_document\\.issued_at"
            + "|electronic_signature\\.signed_at"
            + "|api_token\\.(created_at|expires_at|revoked_at)"
            + "|login_failure\\.failed_at"
            + "|app_user\\.failures_reset_at"
            + "|audit_event\\.occurred_at"
            + "|measurement_standard_status\\.recorded_at))";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String packageName = args[2];
        Path stamp = output.resolve(".migrations.sha256");
        String fingerprint = fingerprint(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("jOOQ classes are up to date with the migrations; not regenerating");
            return;
        }
        // EmbeddedMariaDb is compiled ahead of the rest of the module (see the db pom)
        try (EmbeddedMariaDb server = EmbeddedMariaDb.startTemporary()) {
            server.createDatabase(SCHEMA);
            String url = server.jdbcUrl(SCHEMA);
            Flyway.configure()
                    .dataSource(url, server.username(), server.password())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withLogging(Logging.WARN)
                    .withJdbc(new Jdbc()
                            .withDriver("org.mariadb.jdbc.Driver")
                            .withUrl(url)
                            .withUser(server.username())
                            .withPassword(server.password()))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.mariadb.MariaDBDatabase")
                                    .withInputSchema(SCHEMA)
                                    // tests and installations use other schema names
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_schema_history")
                                    // MariaDB's BOOLEAN is TINYINT(1); Java should see a boolean
                                    .withForcedTypes(new ForcedType()
                                            .withName("BOOLEAN")
                                            .withIncludeTypes("(?i:TINYINT\\(1\\))"),
                                            // when a record happened, as the domain holds it: an Instant,
                                            // stored as its UTC wall-clock time (sessions run in UTC).
                                            new ForcedType()
                                                    .withUserType("java.time.Instant")
                                                    .withConverter("org.metrolims.db.UtcInstantConverter")
                                                    .withIncludeTypes("(?i:(TIMESTAMP|DATETIME).*)")
                                                    .withIncludeExpression(INSTANT_COLUMNS)))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(output.toString())
                                    .withClean(true))));
        }
        Files.writeString(stamp, fingerprint);
    }

    private static String fingerprint(Path migrations) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.list(migrations)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        // the generator's own settings are part of what the output depends on; run as a source-file program it is
        // no class-path resource, so the build names its file
        String generator = System.getProperty("lims.jooq.generator");
        if (generator != null) {
            sha.update(Files.readAllBytes(Path.of(generator)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}

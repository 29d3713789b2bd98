package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.PT_DOCUMENT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.db.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Two loads of the demo province into two empty databases issue the same documents, byte for byte: the PT reports
 * and letters and the certificates carry the demo's own issue dates, not the time of the load (their SHA-256 are
 * compared, so a reload does not change what the verification page and the stored hashes say).
 */
@SpringBootTest(properties = {"lims.demo.enabled=true", "lims.demo.scale=0.02"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DemoDocumentsReloadTest {

    @Autowired DSLContext dsl;
    @Autowired org.springframework.context.ApplicationContext first;

    @Test
    void aSecondLoadOfTheDemoIssuesTheSamePtDocumentsAndCertificatesByteForByte() {
        TestDatabase.TestSchema schema = TestDatabase.newEmptySchema(MetroLimsApplication.class);
        // command-line arguments: they take precedence over application.yml, as the test's own properties do
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MetroLimsApplication.class)
                .run("--lims.demo.enabled=true", "--lims.demo.scale=0.02", "--server.port=0",
                        // the verify address the certificates print: the first load's (no port of its own)
                        "--lims.certificates.public-base-url="
                                + first.getEnvironment().getProperty("lims.certificates.public-base-url"),
                        "--spring.datasource.url=" + schema.url(), "--spring.datasource.username=" + schema.username(),
                        "--spring.datasource.password=" + schema.password())) {
            DSLContext reloaded = second.getBean(DSLContext.class);

            List<String> documents = ptDocuments(dsl);
            assertThat(documents).hasSizeGreaterThan(4);
            assertThat(ptDocuments(reloaded)).isEqualTo(documents);

            List<String> certificates = certificates(dsl);
            assertThat(certificates).hasSizeGreaterThan(10);
            assertThat(certificates(reloaded)).isEqualTo(certificates);
        }
    }

    private static List<String> ptDocuments(DSLContext dsl) {
        return dsl.select(PT_ROUND.CODE, PT_DOCUMENT.KIND, PT_DOCUMENT.LAB_CODE, PT_DOCUMENT.REVISION,
                        PT_DOCUMENT.ISSUED_AT, PT_DOCUMENT.SHA256)
                .from(PT_DOCUMENT).join(PT_ROUND).on(PT_ROUND.ID.eq(PT_DOCUMENT.ROUND_ID))
                .orderBy(PT_ROUND.CODE, PT_DOCUMENT.KIND, PT_DOCUMENT.LAB_CODE, PT_DOCUMENT.REVISION)
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " r" + r.value4() + " " + r.value5()
                        + " " + r.value6());
    }

    private static List<String> certificates(DSLContext dsl) {
        return dsl.select(CERTIFICATE.CERTIFICATE_NO, CERTIFICATE.REVISION, CERTIFICATE.ISSUED_AT, CERTIFICATE.SHA256)
                .from(CERTIFICATE).orderBy(CERTIFICATE.CERTIFICATE_NO, CERTIFICATE.REVISION)
                .fetch(r -> r.value1() + " r" + r.value2() + " " + r.value3() + " " + r.value4());
    }
}

package org.metrolims.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** A small demo province (scale 0.02) loads with its certificates: spread over labs, lab1's own, one amended. */
@SpringBootTest(properties = {"lims.demo.enabled=true", "lims.demo.scale=0.02"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class CertificateDemoTest {

    @Autowired DSLContext dsl;

    @Test
    void theDemoProvinceHasCertificatesAcrossLabsIncludingLab1sAndOneAmendment() {
        assertThat(dsl.fetchCount(CERTIFICATE)).isBetween(20, 320);
        assertThat(dsl.fetchCount(dsl.selectDistinct(CERTIFICATE.ISSUER_ORGANIZATION_ID).from(CERTIFICATE)))
                .isGreaterThan(2);
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.REVISION.eq(2))).isEqualTo(1);
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.STATUS.eq("SUPERSEDED"))).isEqualTo(1);
        long lab1 = dsl.select(APP_USER.ORGANIZATION_ID).from(APP_USER).where(APP_USER.USERNAME.eq("lab1"))
                .fetchSingle().value1();
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CUSTOMER_ORGANIZATION_ID.eq(lab1))).isPositive();
    }
}

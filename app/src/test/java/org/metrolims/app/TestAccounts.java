package org.metrolims.app;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts for tests: one user per role, in two organizations, with a known password. */
public final class TestAccounts {

    public static final String PASSWORD = "test-password-1";

    /** A technician of another institute (T-INST-B), to whom T-INST's objects belong to another organization. */
    public static final String OTHER_TECHNICIAN = "test-tech-other";

    private TestAccounts() {}

    /** Creates (once per schema) users tech, officer, admin at an institute and lab-a, lab-b at two labs. */
    public static synchronized void ensure(DSLContext dsl, PasswordEncoder encoder) {
        if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("test-tech"))) {
            return;
        }
        long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchOptional(REGION.ID)
                .orElseGet(() -> dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                        .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE")
                        .returningResult(REGION.ID).fetchOne().value1());
        long institute = organization(dsl, province, "T-INST", "INSTITUTE", null);
        long labA = organization(dsl, province, "T-LAB-A", "ACCREDITED_LAB", "CNAS T0001");
        long labB = organization(dsl, province, "T-LAB-B", "ACCREDITED_LAB", "CNAS T0002");
        String hash = encoder.encode(PASSWORD);
        user(dsl, "test-tech", institute, hash, "TECHNICIAN");
        user(dsl, "test-officer", institute, hash, "OFFICER");
        user(dsl, "test-admin", institute, hash, "ADMIN");
        user(dsl, "test-lab-a", labA, hash, "LAB");
        user(dsl, "test-lab-b", labB, hash, "LAB");
    }

    /** Creates (once per schema) {@link #OTHER_TECHNICIAN} at an institute T-INST-B of its own. */
    public static synchronized void ensureOtherTechnician(DSLContext dsl, PasswordEncoder encoder) {
        ensure(dsl, encoder);
        if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(OTHER_TECHNICIAN))) {
            return;
        }
        long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchSingle().value1();
        user(dsl, OTHER_TECHNICIAN, organization(dsl, province, "T-INST-B", "INSTITUTE", null),
                encoder.encode(PASSWORD), "TECHNICIAN");
    }

    private static long organization(DSLContext dsl, long region, String code, String kind, String accreditation) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, code)
                .set(ORGANIZATION.NAME_EN, code).set(ORGANIZATION.KIND, kind).set(ORGANIZATION.REGION_ID, region)
                .set(ORGANIZATION.ACCREDITATION_NUMBER, accreditation)
                .returningResult(ORGANIZATION.ID).fetchOne().value1();
    }

    private static void user(DSLContext dsl, String username, long organization, String hash, String role) {
        long id = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username).set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.DISPLAY_NAME, username).set(APP_USER.ORGANIZATION_ID, organization)
                .returningResult(APP_USER.ID).fetchOne().value1();
        dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role).execute();
    }
}

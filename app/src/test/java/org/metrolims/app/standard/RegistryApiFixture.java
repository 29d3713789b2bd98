package org.metrolims.app.standard;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.QUANTITY;

import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.metrolims.app.TestAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Reference data for the registry API tests, added once to the shared test schema without disturbing what other
 * test classes count: a discipline sorted last, a quantity, an instrument type; the test accounts' organizations
 * and the province 350000.
 */
public final class RegistryApiFixture {

    public static final String DISCIPLINE_CODE = "REG-MECH";
    public static final String QUANTITY_CODE = "REG-MASS";
    public static final String TYPE_CODE = "REG-BALANCE";
    private static final AtomicInteger serial = new AtomicInteger();

    private RegistryApiFixture() {}

    public static synchronized void ensure(DSLContext dsl, PasswordEncoder encoder) {
        TestAccounts.ensure(dsl, encoder);
        if (dsl.fetchExists(DISCIPLINE, DISCIPLINE.CODE.eq(DISCIPLINE_CODE))) {
            return;
        }
        long d = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, DISCIPLINE_CODE).set(DISCIPLINE.NAME_ZH, "力学")
                .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 99)
                .returningResult(DISCIPLINE.ID).fetchOne().value1();
        long q = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, QUANTITY_CODE)
                .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "mass").set(QUANTITY.SI_UNIT, "kg")
                .set(QUANTITY.SI_UNIT_NAME, "kilogram").returningResult(QUANTITY.ID).fetchOne().value1();
        dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, TYPE_CODE).set(INSTRUMENT_TYPE.NAME_ZH, "天平")
                .set(INSTRUMENT_TYPE.NAME_EN, "Balance").set(INSTRUMENT_TYPE.QUANTITY_ID, q)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).execute();
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + serial.incrementAndGet();
    }

    /** A standard as JSON, owned by {@code owner}, with a certificate. */
    public static String standardJson(String code, String owner) {
        return """
                {"code":"%s","nameZh":"E2等级砝码标准装置","nameEn":"Class E2 weights","discipline":"%s",
                 "quantity":"%s","level":"PROVINCIAL_PUBLIC","owner":"%s","region":"350000","rangeLow":0.000001,
                 "rangeHigh":20,"unit":"kg","accuracyClass":"E2","establishedOn":"2020-05-01",
                 "certificate":{"certificateNo":"%s","issuedOn":"2023-01-10","expiresOn":"2027-01-09",
                                "issuer":"福建省市场监督管理局"}}
                """.formatted(code, DISCIPLINE_CODE, QUANTITY_CODE, owner, "C-" + code);
    }

    public static String instrumentJson(String owner, String serialNo) {
        return """
                {"owner":"%s","type":"%s","manufacturer":"梅特勒-托利多","model":"XPR10","serialNo":"%s",
                 "rangeLow":0,"rangeHigh":10.1,"unit":"g","resolution":0.000001,"maxPermissibleError":0.00002,
                 "location":"天平室 101"}
                """.formatted(owner, TYPE_CODE, serialNo);
    }
}

package org.metrolims.app.proficiency;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.metrolims.app.TestAccounts;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sets up PT data through the API as an officer would, on the shared application schema. Uses disciplines of its
 * own (PT-TEST, which both test labs are accredited for, and PT-OTHER, which neither is) and unique codes, so that
 * other test classes on the same schema see nothing of it.
 */
public final class PtApiFixture {

    static final RequestPostProcessor OFFICER = httpBasic("test-officer", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_A = httpBasic("test-lab-a", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_B = httpBasic("test-lab-b", TestAccounts.PASSWORD);
    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);

    public static final String PAST = """
            {"enrolmentOpensOn":"2020-01-01","enrolmentClosesOn":"2020-01-10","dispatchOn":"2020-01-11",
             "submissionDeadline":"2020-01-31T12:00:00Z","reportDueOn":"2020-02-28"}""";
    public static final String FUTURE = """
            {"enrolmentOpensOn":"2020-01-01","enrolmentClosesOn":"2020-01-10","dispatchOn":"2020-01-11",
             "submissionDeadline":"2037-12-31T12:00:00Z","reportDueOn":"2038-02-28"}""";

    private static final AtomicInteger counter = new AtomicInteger();

    private final MockMvc mvc;

    public PtApiFixture(MockMvc mvc, DSLContext dsl, PasswordEncoder encoder) {
        this.mvc = mvc;
        TestAccounts.ensure(dsl, encoder);
        synchronized (PtApiFixture.class) {
            if (!dsl.fetchExists(DISCIPLINE, DISCIPLINE.CODE.eq("PT-TEST"))) {
                long test = discipline(dsl, "PT-TEST");
                discipline(dsl, "PT-OTHER");
                for (String lab : new String[] {"T-LAB-A", "T-LAB-B"}) {
                    long org = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(lab))
                            .fetchSingle().value1();
                    dsl.insertInto(ORGANIZATION_SCOPE).set(ORGANIZATION_SCOPE.ORGANIZATION_ID, org)
                            .set(ORGANIZATION_SCOPE.DISCIPLINE_ID, test).execute();
                }
            }
        }
    }

    private static long discipline(DSLContext dsl, String code) {
        return dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, code).set(DISCIPLINE.NAME_ZH, "能力验证测试 " + code)
                .set(DISCIPLINE.NAME_EN, "PT test " + code).set(DISCIPLINE.SORT_ORDER, 900)
                .returningResult(DISCIPLINE.ID).fetchSingle().value1();
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 100000 + "-" + counter.incrementAndGet();
    }

    /** A scheme with a reference value and sigma_pt fixed at 0.1, classified by z; returns its id. */
    public long referenceScheme(String discipline) throws Exception {
        return id(post("/api/pt/schemes").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","nameZh":"量块","nameEn":"Gauge block","disciplineCode":"%s","measurandZh":"中心长度",
                 "measurandEn":"central length","unit":"mm","providerCode":"T-INST",
                 "assignedValueMethod":"REFERENCE_VALUE","sigmaPtMethod":"FIXED","sigmaPt":0.1,"scoreType":"Z"}
                """.formatted(unique("S"), discipline)));
    }

    /** A round of the scheme with x_pt = 10 mm, u = 0.01 mm, on the given schedule; returns its id. */
    public long round(long scheme, String schedule) throws Exception {
        return id(post("/api/pt/rounds").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content("""
                {"schemeId":%d,"code":"%s","schedule":%s,"referenceValue":10.0,"referenceUncertainty":0.01}
                """.formatted(scheme, unique("R"), schedule)));
    }

    public void move(long round, String status) throws Exception {
        mvc.perform(post("/api/pt/rounds/{id}/status", round).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"" + status + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andExpect(status().isOk());
    }

    /** Enrols the labs and returns their codes in the same order. */
    public String[] enrol(long round, String... labs) throws Exception {
        String[] codes = new String[labs.length];
        for (int i = 0; i < labs.length; i++) {
            String body = mvc.perform(post("/api/pt/rounds/{id}/enrolments", round).with(OFFICER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"organizationCode\":\"" + labs[i] + "\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            codes[i] = JsonPath.read(body, "$.labCode");
        }
        return codes;
    }

    /** A round with T-LAB-A and T-LAB-B enrolled and the items dispatched; returns id and the two codes. */
    public Dispatched dispatched(String schedule) throws Exception {
        long round = round(referenceScheme("PT-TEST"), schedule);
        move(round, "OPEN");
        String[] codes = enrol(round, "T-LAB-A", "T-LAB-B");
        move(round, "DISPATCHED");
        return new Dispatched(round, codes[0], codes[1]);
    }

    /**
     * A dispatched round with late results entered and scored (x_pt 10 mm, sigma_pt 0.1 mm): lab A 10.05 mm
     * (z = 0.50), lab B 10.25 mm (z = 2.50).
     */
    public Dispatched scored() throws Exception {
        Dispatched r = dispatched(PAST);
        for (var lab : new String[][] {{r.codeA(), "10.05"}, {r.codeB(), "10.25"}}) {
            mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", r.round(), lab[0]).with(OFFICER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"value\":" + lab[1] + ",\"standardUncertainty\":0.02,\"reason\":\"courier delay\"}"))
                    .andExpect(status().isCreated());
        }
        move(r.round(), "CLOSED");
        mvc.perform(post("/api/pt/rounds/{id}/scoring", r.round()).with(OFFICER))
                .andExpect(status().isOk());
        return r;
    }

    public record Dispatched(long round, String codeA, String codeB) {
    }

    private long id(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}

package org.metrolims.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.web.ExportFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demand drill-down as a data table (paged, searchable, filtered by verdict, sorted, its state in the URL, the
 * dashboard's date, region and discipline kept) and its CSV and Excel export with the same filters.
 */
@AppTest
class DemandTableTest {

    static final String DISCIPLINE_CODE = "DMD-MECH";
    static final int ROWS = 60;
    static final String SCOPE = "asOf=2026-01-01&region=350000&discipline=" + DISCIPLINE_CODE;

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @BeforeEach
    synchronized void demand() throws Exception {
        TestAccounts.ensure(dsl, encoder);
        if (dsl.fetchExists(DISCIPLINE, DISCIPLINE.CODE.eq(DISCIPLINE_CODE))) {
            return;
        }
        long d = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, DISCIPLINE_CODE).set(DISCIPLINE.NAME_ZH, "需求力学")
                .set(DISCIPLINE.NAME_EN, "Demand mechanics").set(DISCIPLINE.SORT_ORDER, 96)
                .returningResult(DISCIPLINE.ID).fetchOne().value1();
        dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, "DMD-MASS")
                .set(QUANTITY.NAME_ZH, "需求质量").set(QUANTITY.NAME_EN, "demand mass").set(QUANTITY.SI_UNIT, "kg")
                .set(QUANTITY.SI_UNIT_NAME, "kilogram").execute();
        StringBuilder csv = new StringBuilder("region,quantity,range_low,range_high,unit,needed_uncertainty,demanded_from\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("350000,DMD-MASS,0,").append(i).append(",kg,0.").append("0".repeat(i % 4)).append(i)
                    .append(",2025-01-01\n");
        }
        mvc.perform(post("/api/coverage/demand").with(httpBasic("test-officer", TestAccounts.PASSWORD))
                .contentType("text/csv").content(csv.toString())).andExpect(status().isCreated());
    }

    private byte[] bytes(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String text(String path) throws Exception {
        return new String(bytes("test-officer", path), StandardCharsets.UTF_8);
    }

    @Test
    void theDrillDownIsPagedAndFilteredAndKeepsTheDashboardsScopeInEveryLink() throws Exception {
        String first = text("/coverage/demand?lang=en&" + SCOPE);
        assertThat(ExportFiles.tableTotal(first)).isEqualTo(ROWS);
        assertThat(first).contains("Fujian").doesNotContain(">DMD-MASS<").contains("rel=\"next\"")
                .contains("href=\"/coverage/demand?asOf=2026-01-01&amp;region=350000&amp;discipline=DMD-MECH"
                        + "&amp;sort=verdict&amp;dir=asc&amp;page=1\"");
        // one page of rows, not all of them
        assertThat(first.split("<tr", -1).length - 2).isEqualTo(50);
        // nothing serves this quantity: every row is not traceable, none served
        assertThat(ExportFiles.tableTotal(text("/coverage/demand?lang=en&" + SCOPE + "&verdict=untraceable")))
                .isEqualTo(ROWS);
        assertThat(text("/coverage/demand?lang=en&" + SCOPE + "&verdict=served")).contains("Nothing matches");
        // sorted by the needed uncertainty, largest first, the filter kept in the header's link
        String byU = text("/coverage/demand?lang=en&" + SCOPE + "&verdict=untraceable&sort=needed&dir=desc");
        assertThat(byU).contains("href=\"/coverage/demand?asOf=2026-01-01&amp;region=350000&amp;discipline=DMD-MECH"
                + "&amp;verdict=untraceable&amp;sort=needed&amp;dir=asc\"");
        assertThat(byU.indexOf("0.80 kg")).isPositive().isLessThan(byU.indexOf("0.40 kg"));
        assertThat(text("/coverage/demand?lang=zh-CN&" + SCOPE)).contains("福建省", "不可溯源")
                .doesNotContain(">DMD-MASS<");
    }

    @Test
    void theExportHoldsEveryRowTheTableCountsForTheSameFilters() throws Exception {
        for (String query : new String[] {"?lang=en&" + SCOPE, "?lang=en&" + SCOPE + "&verdict=served",
                "?lang=en&" + SCOPE + "&sort=needed&dir=desc", "?lang=en&" + SCOPE + "&q=demand"}) {
            long total = ExportFiles.tableTotal(text("/coverage/demand" + query));
            assertThat(ExportFiles.csvRows(text("/coverage/demand/export.csv" + query))).as(query).isEqualTo(total);
            assertThat(ExportFiles.xlsxRows(bytes("test-officer", "/coverage/demand/export.xlsx" + query)))
                    .as(query).isEqualTo(total);
        }
        assertThat(text("/coverage/demand/export.csv?lang=zh-CN&" + SCOPE)).startsWith("\uFEFF地区")
                .contains("福建省", ",否,否,").doesNotContain(",DMD-MASS,");
    }

    @Test
    void aLabMayNotExportTheProvincesDemand() throws Exception {
        mvc.perform(get("/coverage/demand/export.csv?" + SCOPE).with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isForbidden());
    }
}

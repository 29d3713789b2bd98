package org.metrolims.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.web.ExportFiles;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The certificate list as a data table (search, status and dates, sort and page in the URL) and its CSV and Excel
 * export: the table's rows for the same filters, a lab's only its own.
 */
@AppTest
class CertificateListTableTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired CalibrationRecords records;
    @Autowired UserDetailsService users;

    String first, second;

    @BeforeEach
    void certificates() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder, "CLT", 906);
        Actor tech = actor("test-tech", f.institute);
        Actor tech2 = actor("test-tech-2", f.institute);
        first = issue(approved(f, tech, tech2, LocalDate.of(2026, 3, 3)));
        second = issue(approved(f, tech, tech2, LocalDate.of(2026, 3, 4)));
    }

    private long approved(CalibrationApiFixture f, Actor tech, Actor tech2, LocalDate on) {
        var c = records.draft(tech, CertificatesApiTest.draft(f.instrument, f.standard, null, on));
        c = records.submit(tech, c.id(), c.version());
        return records.approve(tech2, c.id(), c.version()).id();
    }

    private String issue(long calibrationId) throws Exception {
        String body = mvc.perform(post("/api/certificates").with(httpBasic("test-tech", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":%d,\"password\":\"%s\"}".formatted(calibrationId,
                                TestAccounts.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.number");
    }

    private Actor actor(String username, long organization) {
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
        return new Actor(id, username, organization, "T-INST", true, false);
    }

    private String get_(String username, String path) throws Exception {
        return new String(mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theSortAndFiltersLiveInTheUrlAndEveryLinkKeepsThem() throws Exception {
        String page = get_("test-lab-a", "/certificates?lang=en&q=CLT&status=VALID&sort=number&dir=asc");
        assertThat(page).contains(first, second, "<option value=\"VALID\" selected=\"selected\"");
        assertThat(page.indexOf(first)).isLessThan(page.indexOf(second));
        // the header that sorts by number turns the direction and keeps the search and filter
        assertThat(page).contains("href=\"/certificates?q=CLT&amp;status=VALID&amp;sort=number&amp;dir=desc\"");
        String descending = get_("test-lab-a", "/certificates?lang=en&q=CLT&status=VALID&sort=number&dir=desc");
        assertThat(descending.indexOf(second)).isLessThan(descending.indexOf(first));
        // the zip and the exports carry the same filters
        assertThat(page).contains("/certificates/export.zip?q=CLT&amp;status=VALID",
                "/certificates/export.csv?q=CLT&amp;status=VALID&amp;sort=number&amp;dir=asc");
        assertThat(get_("test-lab-a", "/certificates?lang=en&q=CLT&status=WITHDRAWN")).contains("Nothing matches")
                .doesNotContain(first);
        assertThat(get_("test-lab-a", "/certificates?lang=en&q=CLT&issuedFrom=2999-01-01")).doesNotContain(first);
        assertThat(get_("test-lab-a", "/certificates?lang=en&q=" + first + "&status=BOGUS&sort=bogus&page=x"))
                .contains(first);
    }

    @Test
    void theExportHoldsEveryRowTheTableCountsForTheSameFilters() throws Exception {
        for (String query : new String[] {"?lang=en", "?lang=en&q=CLT", "?lang=en&status=VALID&sort=subject",
                "?lang=en&status=WITHDRAWN"}) {
            long total = ExportFiles.tableTotal(get_("test-tech", "/certificates" + query));
            String csv = get_("test-tech", "/certificates/export.csv" + query);
            assertThat(ExportFiles.csvRows(csv)).as(query).isEqualTo(total);
        }
        byte[] xlsx = mvc.perform(get("/certificates/export.xlsx?q=CLT").with(user(users.loadUserByUsername("test-tech"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ExportFiles.entry(xlsx, "xl/worksheets/sheet1.xml").split("<row ", -1).length - 2)
                .isEqualTo(ExportFiles.tableTotal(get_("test-tech", "/certificates?q=CLT")));
        assertThat(get_("test-tech", "/certificates/export.csv?lang=zh-CN&q=CLT")).startsWith("\uFEFF证书编号")
                .contains("有效");
    }

    @Test
    void aLabsExportHoldsOnlyItsOwnCertificates() throws Exception {
        assertThat(get_("test-lab-a", "/certificates/export.csv?lang=en")).contains(first, second);
        String other = get_("test-lab-b", "/certificates/export.csv?lang=en");
        assertThat(other).doesNotContain(first, second, "CLT-TEST");
    }
}

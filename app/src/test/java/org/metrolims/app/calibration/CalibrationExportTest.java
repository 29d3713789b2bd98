package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.web.ExportFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calibrations list's CSV and Excel export: the table's rows for the same search, filter and sort (all pages),
 * its labels in the user's language, only what the user may see, and no cell a spreadsheet would run.
 */
@AppTest
class CalibrationExportTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() throws Exception {
        f = new CalibrationApiFixture(dsl, encoder);
        draft(f.instrument);
    }

    private void draft(long instrument) throws Exception {
        String body = f.draft().replace("\"instrumentId\":" + f.instrument, "\"instrumentId\":" + instrument);
        mvc.perform(post("/calibrations/drafts").with(user(users.loadUserByUsername("test-tech"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
    }

    private byte[] fetch(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String csv(String username, String query) throws Exception {
        return new String(fetch(username, "/calibrations/export.csv" + query), StandardCharsets.UTF_8);
    }

    @Test
    void theExportHoldsEveryRowTheTableCountsForTheSameSearchFilterAndSort() throws Exception {
        for (String query : new String[] {"?lang=en", "?lang=en&status=DRAFT&sort=number&dir=asc",
                "?lang=en&q=CAL-TEST", "?lang=en&status=APPROVED"}) {
            String page = new String(fetch("test-tech", "/calibrations" + query), StandardCharsets.UTF_8);
            String csv = csv("test-tech", query);
            assertThat(ExportFiles.csvRows(csv)).as(query).isEqualTo(ExportFiles.tableTotal(page));
        }
        // the page's export link carries its filter and sort
        assertThat(new String(fetch("test-tech", "/calibrations?lang=en&status=DRAFT&sort=number&dir=asc"),
                StandardCharsets.UTF_8))
                .contains("href=\"/calibrations/export.csv?status=DRAFT&amp;sort=number&amp;dir=asc\"",
                        "href=\"/calibrations/export.xlsx?status=DRAFT&amp;sort=number&amp;dir=asc\"");
        byte[] xlsx = fetch("test-tech", "/calibrations/export.xlsx?lang=en&status=DRAFT");
        String sheet = ExportFiles.entry(xlsx, "xl/worksheets/sheet1.xml");
        String page = new String(fetch("test-tech", "/calibrations?lang=en&status=DRAFT"), StandardCharsets.UTF_8);
        assertThat(sheet.split("<row ", -1).length - 2).isEqualTo(ExportFiles.tableTotal(page));
    }

    @Test
    void theExportSpeaksTheUsersLanguageWithStatusesByName() throws Exception {
        assertThat(csv("test-tech", "?lang=en")).startsWith("\uFEFFCalibration no.,").contains(",Draft,")
                .doesNotContain(",DRAFT,");
        assertThat(csv("test-tech", "?lang=zh-CN")).contains(",草稿,").doesNotContain(",DRAFT,");
    }

    @Test
    void aLabsExportHoldsNoneOfAnotherOrganizationsCalibrations() throws Exception {
        // the fixture's instrument belongs to lab A: its calibrations are lab A's, never lab B's
        assertThat(csv("test-lab-a", "?lang=en")).contains("CAL-TEST");
        String other = csv("test-lab-b", "?lang=en");
        assertThat(other).doesNotContain("CAL-TEST");
        // exactly what lab B's own table counts (its own calibrations from other tests, if any)
        String page = new String(fetch("test-lab-b", "/calibrations?lang=en"), StandardCharsets.UTF_8);
        assertThat(ExportFiles.csvRows(other)).isEqualTo(ExportFiles.tableTotal(page));
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsExportedAsText() throws Exception {
        long evil = dsl.select(INSTRUMENT.ID).from(INSTRUMENT).where(INSTRUMENT.SERIAL_NO.eq("CAL-INJ-1"))
                .fetchOptional(INSTRUMENT.ID).orElseGet(() -> {
                    var copy = dsl.selectFrom(INSTRUMENT).where(INSTRUMENT.ID.eq(f.instrument)).fetchSingle();
                    copy.changed(INSTRUMENT.ID, false);
                    copy.setId(null);
                    copy.setManufacturer("=HYPERLINK(\"http://evil.example\",\"x\")");
                    copy.setModel("@SUM(A1)");
                    copy.setSerialNo("CAL-INJ-1");
                    copy.setAssetNo(null);
                    copy.store();
                    return copy.getId();
                });
        draft(evil);
        String csv = csv("test-tech", "?lang=en");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"");
        assertThat(csv.lines()).noneMatch(l -> l.matches("(^|.*,)\"?[=+@].*"));
        String sheet = ExportFiles.entry(fetch("test-tech", "/calibrations/export.xlsx?lang=en"),
                "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("'=HYPERLINK(").doesNotContain("<f>");
    }

    @Test
    void anUnknownExportFormatIsNotFound() throws Exception {
        mvc.perform(get("/calibrations/export.exe").with(user(users.loadUserByUsername("test-tech"))))
                .andExpect(status().isNotFound());
    }
}

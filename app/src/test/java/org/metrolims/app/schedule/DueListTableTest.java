package org.metrolims.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.web.ExportFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The due list as a data table (horizon, lab, search, sort and page in the URL) and its CSV and Excel export: the
 * table's rows for the same filters, a lab's only its own, no cell a spreadsheet would run.
 */
@AppTest
class DueListTableTest {

    /** The day the fixture's dates are seen from, a horizon that takes in all three in service. */
    static final String WINDOW = "asOf=2026-11-02&days=365";

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    LabListFixture f;

    @BeforeEach
    void data() {
        f = new LabListFixture(dsl, encoder);
    }

    private byte[] bytes(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String text(String username, String path) throws Exception {
        return new String(bytes(username, path), StandardCharsets.UTF_8);
    }

    @Test
    void theSearchSortAndHorizonLiveInTheUrlAndTheLinksKeepThem() throws Exception {
        String page = text("test-tech", "/schedule/due?lang=en&" + WINDOW + "&lab=" + f.lab + "&q=LST-&sort=last&dir=desc");
        assertThat(page).contains("LST-1", "LST-2", "LST-3").doesNotContain("LST-R");
        // newest last calibration first
        assertThat(page.indexOf("LST-3")).isLessThan(page.indexOf("LST-2"));
        assertThat(page.indexOf("LST-2")).isLessThan(page.indexOf("LST-1"));
        // the header turns the direction and keeps the search, the horizon, the lab and the day
        assertThat(page).contains("href=\"/schedule/due?q=LST-&amp;days=365&amp;lab=" + f.lab
                + "&amp;asOf=2026-11-02&amp;sort=last&amp;dir=asc\"");
        assertThat(page).contains("/schedule/due/export.csv?q=LST-&amp;days=365&amp;lab=" + f.lab
                + "&amp;asOf=2026-11-02&amp;sort=last&amp;dir=desc");
        // the other direction: the never-calibrated first, so the calibrated ones end the last page, oldest first
        long total = ExportFiles.tableTotal(page);
        String ascending = text("test-tech", "/schedule/due?lang=en&" + WINDOW + "&lab=" + f.lab
                + "&q=LST-&sort=last&dir=asc&page=" + (total - 1) / 50);
        assertThat(ascending.indexOf("LST-1<")).isPositive().isLessThan(ascending.indexOf("LST-3<"));
        assertThat(text("test-tech", "/schedule/due?lang=en&" + WINDOW + "&lab=" + f.lab + "&q=nothing-like-it"))
                .contains("Nothing matches");
        // a mangled link reads the defaults, never a 500
        text("test-tech", "/schedule/due?lang=en&days=x&lab=y&asOf=+999999999-01-01&sort=z&page=-4");
    }

    @Test
    void theLabFilterIsAPickerByNameThatShowsTheChosenLabInTheReadersLanguage() throws Exception {
        String en = text("test-tech", "/schedule/due?lang=en&" + WINDOW + "&lab=" + f.lab);
        assertThat(en).contains("data-picker=\"/options/organizations\"", "name=\"lab\" data-picker-value=\"id\"")
                .doesNotContain("inputmode=\"numeric\"", "Lab (id)");
        assertThat(en).containsPattern("id=\"lab-search\"[^>]*value=\"[^\"]*List[^\"]*\"");
        String zh = text("test-tech", "/schedule/due?lang=zh-CN&" + WINDOW + "&lab=" + f.lab);
        assertThat(zh).containsPattern("id=\"lab-search\"[^>]*value=\"列表实验室\"");
    }

    @Test
    void theExportHoldsEveryRowTheTableCountsForTheSameFilters() throws Exception {
        for (String query : new String[] {"?lang=en&" + WINDOW, "?lang=en&" + WINDOW + "&lab=" + f.lab,
                "?lang=en&" + WINDOW + "&q=LST-2", "?lang=en&days=7"}) {
            long total = ExportFiles.tableTotal(text("test-tech", "/schedule/due" + query));
            assertThat(ExportFiles.csvRows(text("test-tech", "/schedule/due/export.csv" + query))).as(query)
                    .isEqualTo(total);
            assertThat(ExportFiles.xlsxRows(bytes("test-tech", "/schedule/due/export.xlsx" + query))).as(query)
                    .isEqualTo(total);
        }
    }

    @Test
    void aLabsExportHoldsOnlyItsOwnInstrumentsWhateverLabItAsksFor() throws Exception {
        String csv = text(LabListFixture.USER, "/schedule/due/export.csv?lang=en&" + WINDOW);
        assertThat(csv).contains("LST-1", "LST-2", "LST-3");
        assertThat(csv.lines().skip(1)).allMatch(l -> l.contains(",List lab,"));
        assertThat(text("test-lab-a", "/schedule/due/export.csv?lang=en&" + WINDOW))
                .doesNotContain(",LST-1,", ",LST-2,", ",LST-3,", "List lab");
        mvc.perform(get("/schedule/due/export.csv?lab=" + f.lab).with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSerialASpreadsheetWouldRunIsExportedAsText() throws Exception {
        String csv = text("test-tech", "/schedule/due/export.csv?lang=en&asOf=2026-11-02&days=3660&lab=" + f.lab);
        assertThat(csv).contains(",'=LST-X,").doesNotContain(",=LST-X,");
        assertThat(ExportFiles.sheet(bytes("test-tech",
                "/schedule/due/export.xlsx?lang=en&asOf=2026-11-02&days=3660&lab=" + f.lab)))
                .contains("'=LST-X").doesNotContain("<f>");
    }
}

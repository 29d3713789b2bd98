package org.metrolims.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.schedule.LabListFixture;
import org.metrolims.app.web.ExportFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal's instruments as a data table: every instrument of the lab reachable (paged in SQL, no cap at 200),
 * searchable and sorted with its state in the URL; a retired instrument is never overdue and an unknown due date is
 * explained in words.
 */
@AppTest
class PortalInstrumentsTableTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @BeforeEach
    void data() {
        new LabListFixture(dsl, encoder);
    }

    private String portal(String query) throws Exception {
        return new String(mvc.perform(get("/portal" + query).with(user(users.loadUserByUsername(LabListFixture.USER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The table row of the instrument with that serial. */
    private static String row(String html, String serial) {
        Matcher m = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*?<td>" + Pattern.quote(serial) + "</td>.*?</tr>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row for " + serial).isTrue();
        return m.group();
    }

    @Test
    void everyInstrumentOfALabWithMoreThan200IsReachableAndTheOneCalibratedTodayIsFound() throws Exception {
        String first = portal("?lang=en");
        assertThat(ExportFiles.tableTotal(first)).isEqualTo(LabListFixture.instruments());
        assertThat(first).contains("rel=\"next\"");
        assertThat(portal("?lang=en&q=LST-TODAY")).contains("LST-TODAY");
        // the last page holds the last of them
        String last = portal("?lang=en&sort=serial&dir=asc&page=" + (LabListFixture.instruments() - 1) / 50);
        assertThat(last).contains("LST-TODAY").doesNotContain("LST-M-000<");
    }

    @Test
    void aRetiredInstrumentIsNeverOverdueAndAnUnknownDueDateIsExplained() throws Exception {
        assertThat(row(portal("?lang=en&q=LST-R"), "LST-R")).contains("not due: not in service")
                .doesNotContain("overdue", "2025-01-10");
        assertThat(row(portal("?lang=en&q=LST-1"), "LST-1")).contains("2026-10-20", "overdue");
        String never = portal("?lang=en&q=LST-N");
        assertThat(row(never, "LST-N")).contains("no approved calibration on record").doesNotContain("overdue");
        assertThat(never).doesNotContain("not known");
        assertThat(row(portal("?lang=zh-CN&q=LST-R"), "LST-R")).contains("不在用").doesNotContain("已过期");
        assertThat(row(portal("?lang=zh-CN&q=LST-N"), "LST-N")).contains("尚无已批准的校准记录").doesNotContain("未知");
        // by due date, the instruments in service that have a due date come first, then those without, and the
        // retired one last of all
        String byDue = portal("?lang=en&sort=due&dir=asc");
        assertThat(byDue.indexOf("<td>LST-1</td>")).isPositive().isLessThan(byDue.indexOf("<td>LST-N</td>"));
        String last = portal("?lang=en&sort=due&dir=asc&page=" + (LabListFixture.instruments() - 1) / 50);
        assertThat(last.indexOf("<td>LST-M-199</td>")).isPositive().isLessThan(last.indexOf("<td>LST-R</td>"));
    }

    @Test
    void theSearchAndSortLiveInTheUrlAndTheLinksKeepThem() throws Exception {
        String page = portal("?lang=en&q=LST-M&sort=serial&dir=desc");
        assertThat(page).contains("value=\"LST-M\"", "LST-M-199").doesNotContain("<td>LST-1</td>");
        assertThat(page.indexOf("LST-M-199")).isLessThan(page.indexOf("LST-M-198"));
        assertThat(page).contains("href=\"/portal?q=LST-M&amp;sort=serial&amp;dir=asc\"",
                "href=\"/portal?q=LST-M&amp;sort=serial&amp;dir=desc&amp;page=1\"");
        // another lab's portal shows none of them
        String other = new String(mvc.perform(get("/portal?lang=en&q=LST").with(user(users.loadUserByUsername("test-lab-b"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("LST-1", "LST-M-");
    }
}

package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data table on the calibrations list: its state (page, sort, search, filters) lives in the URL, the sort key is
 * whitelisted, and a page beyond the end is the empty state, never an error.
 */
@AppTest
class CalibrationListTableTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() throws Exception {
        f = new CalibrationApiFixture(dsl, encoder);
        mvc.perform(post("/calibrations/drafts").with(user(users.loadUserByUsername("test-tech"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(f.draft())).andExpect(status().isCreated());
    }

    private String list(String query) throws Exception {
        return mvc.perform(get("/calibrations" + query).param("lang", "en")
                        .with(user(users.loadUserByUsername("test-tech"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anUnknownSortKeyReadsTheDefaultOrderNeverAnError() throws Exception {
        String page = list("?sort=calibrated_on%3BDROP%20TABLE%20calibration&dir=asc");
        assertThat(page).contains("aria-sort=\"descending\"", "CAL-TEST-1");
        // the language switch keeps the address as typed (encoded); nothing the table renders repeats the key
        String table = page.replaceAll("(?s)<nav class=\"lang-switch\".*?</nav>", "");
        assertThat(table).doesNotContain("aria-sort=\"ascending\"", "DROP");
    }

    @Test
    void aWhitelistedSortKeySortsAndItsHeaderLinkTurnsTheDirection() throws Exception {
        String page = list("?sort=number&dir=asc");
        assertThat(page).containsPattern("<th class=\"sortable\" aria-sort=\"ascending\">\\s*<a href=\"/calibrations\\?sort=number&amp;dir=desc\"");
    }

    @Test
    void aPageBeyondTheEndIsTheEmptyStateWithAWayBack() throws Exception {
        String page = list("?page=100000");
        assertThat(page).contains("There is nothing on this page", "href=\"/calibrations?sort=calibrated&amp;dir=desc\"");
        assertThat(page).doesNotContain("<table");
        assertThat(list("?page=not-a-number")).contains("CAL-TEST-1");
    }

    @Test
    void theSearchKeepsTheFiltersAndSortLinksKeepTheSearch() throws Exception {
        String page = list("?q=cal-test-1&status=DRAFT");
        assertThat(page).contains("CAL-TEST-1", "value=\"cal-test-1\"", "<option value=\"DRAFT\" selected=\"selected\"");
        assertThat(page).contains("href=\"/calibrations?q=cal-test-1&amp;status=DRAFT&amp;sort=number&amp;dir=asc\"");
        assertThat(list("?q=cal-test-1&status=APPROVED")).doesNotContain("<td>Draft</td>");
        assertThat(list("?q=no-such-calibration-anywhere&status=DRAFT")).contains("Nothing matches")
                .contains("<option value=\"DRAFT\" selected=\"selected\"").doesNotContain("<table");
    }
}

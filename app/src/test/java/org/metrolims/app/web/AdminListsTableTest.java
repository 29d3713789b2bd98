package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrators' and officers' lists as data tables — accounts, organizations, PT rounds: searched, filtered,
 * sorted and paged in SQL, with their state in the URL and kept by every link.
 */
@AppTest
class AdminListsTableTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    private String page(String username, String path) throws Exception {
        return new String(mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theAccountsTableSearchesFiltersByRoleAndSortsWithItsStateInTheUrl() throws Exception {
        String html = page("test-admin", "/accounts?lang=en&q=test-lab&role=LAB&sort=username&dir=desc");
        assertThat(html).contains("account-test-lab-a", "account-test-lab-b").doesNotContain("account-test-tech\"");
        assertThat(html.indexOf("account-test-lab-b")).isLessThan(html.indexOf("account-test-lab-a"));
        assertThat(html).contains("href=\"/accounts?q=test-lab&amp;role=LAB&amp;sort=username&amp;dir=asc\"",
                "<option value=\"LAB\" selected=\"selected\"");
        assertThat(page("test-admin", "/accounts?lang=en&q=test-lab&status=disabled")).contains("Nothing matches");
        assertThat(ExportFiles.tableTotal(page("test-admin", "/accounts?lang=en&q=test-lab-"))).isEqualTo(2);
    }

    @Test
    void theOrganizationsTableSearchesFiltersByKindAndSortsWithItsStateInTheUrl() throws Exception {
        String html = page("test-admin", "/organizations?lang=en&q=T-LAB&kind=ACCREDITED_LAB&sort=code&dir=desc");
        assertThat(html).contains("organization-T-LAB-A", "organization-T-LAB-B").doesNotContain("organization-T-INST\"");
        assertThat(html.indexOf("organization-T-LAB-B")).isLessThan(html.indexOf("organization-T-LAB-A"));
        assertThat(html).contains("href=\"/organizations?q=T-LAB&amp;kind=ACCREDITED_LAB&amp;sort=code&amp;dir=asc\"");
        // regions by name, never by code
        assertThat(html).doesNotContain("350000");
        assertThat(page("test-admin", "/organizations?lang=en&q=T-LAB&kind=INSTITUTE")).contains("Nothing matches");
    }

    @Test
    void thePtRoundsTableKeepsItsFilterAndSortInTheUrl() throws Exception {
        String html = page("test-officer", "/pt/rounds?lang=en&status=CLOSED&sort=code&dir=asc");
        assertThat(html).contains("<option value=\"CLOSED\" selected=\"selected\"");
        assertThat(page("test-officer", "/pt/rounds?lang=en&q=no-such-round-anywhere")).contains("Nothing matches");
        // the search form carries the sort, so a new search keeps the order
        assertThat(page("test-officer", "/pt/rounds?lang=en&q=x&sort=code&dir=asc"))
                .contains("name=\"sort\" value=\"code\"", "name=\"dir\" value=\"asc\"");
    }
}

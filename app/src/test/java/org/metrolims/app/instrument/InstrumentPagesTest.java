package org.metrolims.app.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.metrolims.app.standard.RegistryApiFixture.instrumentJson;
import static org.metrolims.app.standard.RegistryApiFixture.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.standard.RegistryApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The instrument page and its lookup: who sees which instrument, and where a lookup leads. */
@AppTest
class InstrumentPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @BeforeEach
    void data() {
        RegistryApiFixture.ensure(dsl, encoder);
    }

    RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** Registers an instrument of {@code owner} (as an administrator) and returns its id. */
    long instrument(String owner, String serialNo) throws Exception {
        String body = mvc.perform(post("/api/instruments").with(httpBasic("test-admin", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(instrumentJson(owner, serialNo)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aLabSeesItsOwnInstrumentsPageWithIdentityDueDateAndQrCode() throws Exception {
        String sn = unique("IP-OWN");
        long id = instrument("T-LAB-A", sn);

        String page = mvc.perform(get("/instruments/{id}", id).with(signedIn("test-lab-a")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(sn, "In service", "Balance", "12 months",
                "No approved calibration on record, so it is due from the day it was registered.",
                "/instruments/" + id + "</a>", "class=\"qr\"");
        assertThat(page).doesNotContain("IN_SERVICE");
    }

    @Test
    void theStatusIsInWordsInChineseToo() throws Exception {
        long id = instrument("T-LAB-A", unique("IP-ZH"));

        mvc.perform(get("/instruments/{id}", id).with(signedIn("test-lab-a")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("在用")))
                .andExpect(content().string(containsString("校准历史")));
    }

    @Test
    void anotherLabsInstrumentIsNotFound() throws Exception {
        long id = instrument("T-LAB-A", unique("IP-OTHER"));

        mvc.perform(get("/instruments/{id}", id).with(signedIn("test-lab-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/instruments/{id}", Long.MAX_VALUE).with(signedIn("test-lab-a")))
                .andExpect(status().isNotFound());
    }

    @Test
    void officersAndTechniciansSeeAnyInstrumentAsTheRegistryLetsThem() throws Exception {
        long id = instrument("T-LAB-A", unique("IP-READ"));

        mvc.perform(get("/instruments/{id}", id).with(signedIn("test-officer"))).andExpect(status().isOk());
        mvc.perform(get("/instruments/{id}", id).with(signedIn("test-tech"))).andExpect(status().isOk());
    }

    @Test
    void aLookupWithOneMatchGoesStraightToTheInstrument() throws Exception {
        String sn = unique("IP-UNIQUE");
        long id = instrument("T-LAB-A", sn);

        mvc.perform(get("/instruments/lookup").param("q", "  " + sn.toLowerCase() + " ").with(signedIn("test-lab-a")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/instruments/" + id));
    }

    @Test
    void aScannedPageAddressGoesToThatInstrument() throws Exception {
        long id = instrument("T-LAB-A", unique("IP-QR"));

        mvc.perform(get("/instruments/lookup").param("q", "https://lims.example.org/instruments/" + id)
                        .with(signedIn("test-lab-a")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/instruments/" + id));
    }

    @Test
    void aLookupWithSeveralMatchesListsThem() throws Exception {
        String prefix = unique("IP-MANY");
        long a = instrument("T-LAB-A", prefix + "-1");
        long b = instrument("T-LAB-A", prefix + "-2");

        mvc.perform(get("/instruments/lookup").param("q", prefix).with(signedIn("test-lab-a")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 instruments contain this text")))
                .andExpect(content().string(containsString("/instruments/" + a)))
                .andExpect(content().string(containsString("/instruments/" + b)));
    }

    @Test
    void aLabsLookupNeverFindsAnotherLabsInstrument() throws Exception {
        String sn = unique("IP-HIDDEN");
        instrument("T-LAB-A", sn);

        mvc.perform(get("/instruments/lookup").param("q", sn).with(signedIn("test-lab-b")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-match\"")));
    }

    @Test
    void anEmptyLookupShowsTheSearchBox() throws Exception {
        mvc.perform(get("/instruments/lookup").with(signedIn("test-lab-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lookup-q\"")));
    }
}

package org.metrolims.app.certificate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public verification page is what a certificate's QR code opens: switching its language keeps the code. */
@AppTest
class VerificationPageTest {

    @Autowired MockMvc mvc;

    @Test
    void theLanguageSwitchOfTheVerifyPageKeepsTheCode() throws Exception {
        // as a browser sends it: the query in the address (what the page's links are built from)
        mvc.perform(get("/verify/FJIM-2026-000001?code=K7Q2-M9XP&lang=en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"?code=K7Q2-M9XP&amp;lang=zh-CN\"")))
                .andExpect(content().string(Matchers.containsString("href=\"?code=K7Q2-M9XP&amp;lang=en\"")));
    }
}

package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language switcher keeps the page's query: what a QR code opened, a list's search, filters and page. */
class LanguageLinksTest {

    @Test
    void switchingLanguageKeepsEveryOtherQueryParameter() {
        assertThat(LanguageLinks.withLanguage("code=K7Q2-M9XP", "zh-CN")).isEqualTo("code=K7Q2-M9XP&lang=zh-CN");
        assertThat(LanguageLinks.withLanguage("q=%E5%8D%A1&status=VALID&page=2", "en"))
                .isEqualTo("q=%E5%8D%A1&status=VALID&page=2&lang=en");
    }

    @Test
    void replacesTheLanguageItHadAndAddsItWhereThereWasNoQuery() {
        assertThat(LanguageLinks.withLanguage("lang=en&code=ABC&lang=en", "zh-CN")).isEqualTo("code=ABC&lang=zh-CN");
        assertThat(LanguageLinks.withLanguage(null, "en")).isEqualTo("lang=en");
        assertThat(LanguageLinks.withLanguage("", "en")).isEqualTo("lang=en");
        // a parameter merely starting with "lang" is another parameter
        assertThat(LanguageLinks.withLanguage("language=x", "en")).isEqualTo("language=x&lang=en");
    }
}

package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

class SupportedLocalesTests {

    private final LocaleResolver resolver = new WebConfiguration().localeResolver();

    /** The browser's Accept-Language list, best first. */
    private Locale resolve(String... preferred) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        for (int i = preferred.length - 1; i >= 0; i--) {
            request.addPreferredLocale(Locale.forLanguageTag(preferred[i]));
        }
        return resolver.resolveLocale(request);
    }

    @Test
    void givesAChineseBrowserSimplifiedChinese() {
        assertThat(resolve("zh-CN", "zh", "en")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void givesEveryChineseVariantSimplifiedChinese() {
        assertThat(resolve("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolve("zh-TW")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolve("zh-Hans-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void takesTheFirstLanguageWeHaveInTheBrowsersOrder() {
        assertThat(resolve("fr-FR", "en-GB", "zh-CN")).isEqualTo(Locale.ENGLISH);
        assertThat(resolve("de", "zh-CN", "en")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void fallsBackToEnglishWhenTheBrowserAsksForNoLanguageWeHave() {
        assertThat(resolve("de-DE", "fr")).isEqualTo(Locale.ENGLISH);
    }
}

package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.instrument.InstrumentStatus;
import org.metrolims.calibration.record.CalibrationStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every enumeration a page shows has a name in both languages, and {@code @labels} finds it. */
class LabelsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Labels labels = new Labels(messages(), ReferenceNames.none());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyConstantOfEveryLabelledEnumerationHasANameInEnglishAndInChinese() throws IOException {
        Properties english = bundle("i18n/labels.properties");
        Properties chinese = bundle("i18n/labels_zh_CN.properties");
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        for (Class<? extends Enum<?>> kind : Labels.KINDS) {
            for (Enum<?> constant : kind.getEnumConstants()) {
                String key = "enum." + kind.getSimpleName() + "." + constant.name();
                if (!english.containsKey(key) || !chinese.containsKey(key)) {
                    missing.add(key);
                } else if (english.getProperty(key).equals(chinese.getProperty(key))) {
                    untranslated.add(key);
                }
            }
        }
        assertThat(missing).as("labels missing").isEmpty();
        assertThat(untranslated).as("Chinese labels copied from the English").isEmpty();
    }

    @Test
    void namesAnEnumConstantInThePagesLanguage() {
        LocaleContextHolder.setLocale(ZH);
        assertThat(labels.of(InstrumentStatus.IN_SERVICE)).isEqualTo("在用");
        assertThat(labels.of(DecisionRuleCode.SIMPLE_ACCEPTANCE)).isEqualTo("简单接受（w = 0）");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.of(CalibrationStatus.APPROVED)).isEqualTo("Approved");
    }

    @Test
    void namesACodeKeptAsTextWhateverItsCase() {
        LocaleContextHolder.setLocale(ZH);
        assertThat(labels.of("CalibrationStatus", "APPROVED")).isEqualTo("已批准");
        assertThat(labels.of("Distribution", "u-shaped")).isEqualTo("反正弦（U 形）分布");
        assertThat(labels.of("Discipline", "TIME_FREQUENCY")).isEqualTo("时间频率");
    }

    @Test
    void neverShowsARawCodeEvenWithoutALabel() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.of("Discipline", "NEW_FIELD_OF_METROLOGY")).isEqualTo("New field of metrology");
        assertThat(labels.of("CalibrationStatus", null)).isEmpty();
    }

    @Test
    void givesAScriptEveryConstantWithItsNameAsJson() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.json("Verdict")).isEqualTo(
                "{\"PASS\":\"Pass\",\"CONDITIONAL_PASS\":\"Conditional pass\","
                        + "\"CONDITIONAL_FAIL\":\"Conditional fail\",\"FAIL\":\"Fail\"}");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/labels");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

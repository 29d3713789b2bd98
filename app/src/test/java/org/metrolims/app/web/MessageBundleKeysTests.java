package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Catches a missing translation before a user does: every message key a template uses exists in
 * the English and the Chinese bundle, and the two bundles have the same keys.
 */
class MessageBundleKeysTests {

    /** {@code #{key}} or {@code #{key(args)}}; the key is what comes before "(" or "}". */
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{\\s*([^}(\\s]+)");

    /** Texts that read the same in both languages: the product name and each language's own name. */
    private static final Set<String> SAME_IN_BOTH = Set.of("app.brand", "lang.en", "lang.zhCN", "footer.version");

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void everyKeyATemplateUsesIsInBothBundles() throws IOException {
        Map<String, Set<String>> keysByTemplate = templateKeys();
        Properties english = english();
        Properties chinese = chinese();

        assertThat(keysByTemplate).as("templates found").isNotEmpty();
        keysByTemplate.forEach((template, keys) -> {
            assertThat(english.stringPropertyNames()).as("English keys used by %s", template).containsAll(keys);
            assertThat(chinese.stringPropertyNames()).as("Chinese keys used by %s", template).containsAll(keys);
        });
    }

    @Test
    void templatesUseOnlyLiteralKeysSoThisCheckSeesThemAll() throws IOException {
        for (Resource template : templates()) {
            assertThat(template.getContentAsString(StandardCharsets.UTF_8))
                    .as(template.getFilename())
                    .doesNotContainPattern("#\\{\\s*\\$");
        }
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(english().stringPropertyNames());
        Set<String> chinese = new TreeSet<>(chinese().stringPropertyNames());

        assertThat(chinese).as("keys in the Chinese bundle").containsExactlyElementsOf(english);
    }

    @Test
    void chineseBundleIsTranslatedNotCopied() throws IOException {
        Properties english = english();
        Properties chinese = chinese();

        Set<String> copied = new TreeSet<>();
        for (String key : chinese.stringPropertyNames()) {
            if (!SAME_IN_BOTH.contains(key) && chinese.getProperty(key).equals(english.getProperty(key))) {
                copied.add(key);
            }
        }
        assertThat(copied).as("Chinese texts identical to the English").isEmpty();
    }

    private Map<String, Set<String>> templateKeys() throws IOException {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Resource template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            Set<String> found = new TreeSet<>();
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            keys.put(template.getURI().toString(), found);
        }
        return keys;
    }

    private Resource[] templates() throws IOException {
        return resources.getResources("classpath*:templates/**/*.html");
    }

    /** All English bundles (one per feature area: messages, registry, calibration, ...) together. */
    private Properties english() throws IOException {
        return bundles(name -> !name.contains("_"));
    }

    private Properties chinese() throws IOException {
        return bundles(name -> name.endsWith("_zh_CN.properties"));
    }

    private Properties bundles(java.util.function.Predicate<String> fileName) throws IOException {
        Properties all = new Properties();
        for (Resource bundle : resources.getResources("classpath*:i18n/*.properties")) {
            if (!fileName.test(bundle.getFilename())) {
                continue;
            }
            Properties one = new Properties();
            try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                one.load(reader);
            }
            for (String key : one.stringPropertyNames()) {
                assertThat(all.containsKey(key)).as("key %s defined in two bundles", key).isFalse();
                all.setProperty(key, one.getProperty(key));
            }
        }
        return all;
    }
}

package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code lims.demo.*} binds, checked with Spring Boot's binder alone (no application context). */
class DemoSettingsTest {

    @Test
    void bindsAScaleOneProvinceAnchoredOnTheFirstOfNovember2026ByDefault() {
        DemoSettings settings = bind(Map.of("lims.demo.enabled", "true"));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.seed()).isEqualTo(20260101L);
        assertThat(settings.scale()).isEqualTo(1.0);
        assertThat(settings.anchorDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void bindsAnIsoAnchorDateAndAFractionalScale() {
        DemoSettings settings = bind(Map.of("lims.demo.seed", "7", "lims.demo.scale", "0.01",
                "lims.demo.anchor-date", "2025-03-31", "lims.demo.enabled", "false"));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.seed()).isEqualTo(7L);
        assertThat(settings.scale()).isEqualTo(0.01);
        assertThat(settings.anchorDate()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void refusesAScaleOfZero() {
        assertThatThrownBy(() -> bind(Map.of("lims.demo.scale", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("lims.demo.scale");
    }

    @Test
    void thePackagedJarLoadsNoDemoAndTheDemoProfileOfSpringBootRunDoes() throws Exception {
        // what a packaged jar binds with no profile: application.yml alone (and the record's own default)
        assertThat(bindYaml("application.yml").enabled()).isFalse();
        assertThat(bind(Map.of()).enabled()).isFalse();
        // the demo profile, which the spring-boot:run configuration of app/pom.xml activates, turns it on
        assertThat(bindYaml("application.yml", "application-demo.yml").enabled()).isTrue();
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        String plugin = pom.substring(pom.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>"));
        assertThat(plugin.substring(0, plugin.indexOf("</plugin>")).replaceAll("\\s", ""))
                .contains("<profiles><profile>demo</profile></profiles>");
    }

    /** Binds the YAML files of the classpath, later files overriding earlier ones, as Spring Boot layers them. */
    private static DemoSettings bindYaml(String... files) throws java.io.IOException {
        var loader = new org.springframework.boot.env.YamlPropertySourceLoader();
        java.util.List<org.springframework.boot.context.properties.source.ConfigurationPropertySource> sources =
                new java.util.ArrayList<>();
        for (String file : files) {
            for (var source : loader.load(file, new org.springframework.core.io.ClassPathResource(file))) {
                sources.addFirst(org.springframework.boot.context.properties.source.ConfigurationPropertySource
                        .from(source));
            }
        }
        return new Binder(sources).bindOrCreate("lims.demo", DemoSettings.class);
    }

    private static DemoSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lims.demo", DemoSettings.class);
    }
}

package org.metrolims.app.demo;

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
    void defaultsToAnEnabledScaleOneProvinceAnchoredOnTheFirstOfNovember2026() {
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

    private static DemoSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lims.demo", DemoSettings.class);
    }
}

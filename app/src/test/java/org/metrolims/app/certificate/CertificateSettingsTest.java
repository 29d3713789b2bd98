package org.metrolims.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metrolims.reports.certificate.CertificateLinks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The address printed on certificates and encoded in their QR codes comes from the application's settings: the
 * configured public base URL, or without one this machine on the port the application serves (so that the README's
 * run command, on any {@code SERVER_PORT}, prints an address that opens its own verification page).
 */
class CertificateSettingsTest {

    static CertificateSettings settings(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("lims.certificates", CertificateSettings.class).get();
    }

    @Test
    void theVerifyAddressFollowsThePortTheApplicationServesWithoutAConfiguredBase() throws IOException {
        assertThat(settings(Map.of()).publicBaseUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings(Map.of("SERVER_PORT", "9214")).publicBaseUrl()).isEqualTo("http://localhost:9214");
    }

    @Test
    void theConfiguredPublicBaseUrlIsWhatCertificatesPrint() throws IOException {
        CertificateSettings s = settings(Map.of("LIMS_PUBLIC_BASE_URL", "https://lims.example.org/",
                "SERVER_PORT", "9214"));
        assertThat(new CertificateConfiguration().certificateLinks(s).verifyUrl("FJIM-2026-000001", "K7Q2-M9XP"))
                .isEqualTo("https://lims.example.org/verify/FJIM-2026-000001?code=K7Q2-M9XP");
    }
}

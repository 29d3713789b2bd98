package org.metrolims.app.certificate;

import org.metrolims.reports.certificate.CertificateLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

    @Bean
    CertificateLinks certificateLinks(CertificateSettings settings) {
        return new CertificateLinks(settings.publicBaseUrl());
    }
}

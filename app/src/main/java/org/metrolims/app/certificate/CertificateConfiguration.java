package org.metrolims.app.certificate;

import org.metrolims.reports.certificate.CertificateLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

    @Bean
    CertificateMailer certificateMailer(java.util.Optional<org.springframework.mail.javamail.JavaMailSender> sender,
            CertificateSettings settings, org.metrolims.reports.certificate.Certificates certificates,
            org.metrolims.reports.certificate.CertificateBatches batches) {
        return new CertificateMailer(sender, settings.mailFrom(), certificates, batches);
    }

    @Bean
    CertificateLinks certificateLinks(CertificateSettings settings) {
        return new CertificateLinks(settings.publicBaseUrl());
    }
}

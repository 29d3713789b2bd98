package org.metrolims.app.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate settings.
 *
 * @param publicBaseUrl the address the public reaches this installation at: printed on every certificate and
 *                      encoded in its QR code as {@code <publicBaseUrl>/verify/<number>?code=<code>}
 *                      ({@code LIMS_PUBLIC_BASE_URL}; without it {@code http://localhost:<server port>})
 * @param mailFrom      the sender of the e-mails that bring batch-issued certificates to their customers
 */
@ConfigurationProperties("lims.certificates")
record CertificateSettings(@DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("metrolims@localhost") String mailFrom) {
}

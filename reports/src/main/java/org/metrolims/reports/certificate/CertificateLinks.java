package org.metrolims.reports.certificate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the public verification page lives, as printed on certificates and encoded in their QR codes.
 *
 * @param baseUrl the application's public address, e.g. {@code https://lims.example.org}
 */
public record CertificateLinks(String baseUrl) {

    public CertificateLinks {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String verifyUrl(String number, String code) {
        return baseUrl + "/verify/" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}

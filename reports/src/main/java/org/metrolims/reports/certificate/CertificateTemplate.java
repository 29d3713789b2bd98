package org.metrolims.reports.certificate;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import org.metrolims.reports.internal.IssuedPdf;

/**
 * The calibration certificate template, compiled once; {@link #render} fills and exports one certificate to PDF
 * and may be called from many threads at once (a compiled JasperReport is read-only during fill). The CJK font
 * is a JasperReports font extension embedded in every PDF.
 */
@org.springframework.stereotype.Component
final class CertificateTemplate {

    private static final String JRXML = "calibration-certificate.jrxml";

    private final JasperReport report;

    public CertificateTemplate() {
        try (InputStream in = CertificateTemplate.class.getResourceAsStream(JRXML)) {
            if (in == null) {
                throw new IllegalStateException(JRXML + " is missing from the classpath");
            }
            this.report = JasperCompileManager.compileReport(in);
        } catch (JRException | java.io.IOException e) {
            throw new IllegalStateException("cannot compile " + JRXML, e);
        }
    }

    /** The certificate as PDF bytes stamped with the current time (previews, benchmarks); fails loudly. */
    public byte[] render(CertificateContent c) {
        return render(c, java.time.Instant.now());
    }

    /**
     * The certificate as issued at {@code issuedAt}: the same content and instant give the same bytes
     * ({@link IssuedPdf}); fails loudly when it cannot render.
     */
    public byte[] render(CertificateContent c, java.time.Instant issuedAt) {
        return export(fill(c), issuedAt, "certificate " + c.certificateNo() + " " + c.revisionLine());
    }

    /**
     * A preview of the certificate: the same template, every page marked across with {@link #PREVIEW_WATERMARK}.
     * Never stored, never signed.
     */
    public byte[] renderPreview(CertificateContent c, java.time.Instant at) {
        return export(fill(c, PREVIEW_WATERMARK), at, "preview " + c.certificateNo() + " " + c.revisionLine());
    }

    /** What a preview carries across every page. */
    public static final String PREVIEW_WATERMARK = "预览 PREVIEW\n未签发 NOT ISSUED";

    /** The filled report (text measured and laid out, pages numbered), before export. */
    JasperPrint fill(CertificateContent c) {
        return fill(c, null);
    }

    private JasperPrint fill(CertificateContent c, String watermark) {
        Map<String, Object> p = new HashMap<>();
        p.put("watermark", watermark);
        p.put("labNameZh", c.labNameZh());
        p.put("labNameEn", c.labNameEn());
        p.put("labAddressZh", c.labAddressZh());
        p.put("labAddressEn", c.labAddressEn());
        p.put("accreditation", c.accreditation());
        p.put("certificateNo", c.certificateNo());
        p.put("revisionLine", c.revisionLine());
        p.put("customerZh", c.customerZh());
        p.put("customerEn", c.customerEn());
        p.put("customerAddress", c.customerAddress());
        p.put("itemZh", c.itemZh());
        p.put("itemEn", c.itemEn());
        p.put("itemIdentification", c.itemIdentification());
        p.put("receivedOn", c.receivedOn());
        p.put("calibratedOn", c.calibratedOn());
        p.put("issuedOn", c.issuedOn());
        p.put("method", c.method());
        p.put("environment", c.environment());
        p.put("traceabilityZh", c.traceabilityZh());
        p.put("traceabilityEn", c.traceabilityEn());
        p.put("conformityZh", c.conformityZh());
        p.put("conformityEn", c.conformityEn());
        p.put("signatory", c.signatory());
        p.put("replacesZh", c.replacesZh());
        p.put("replacesEn", c.replacesEn());
        p.put("verificationCode", c.verificationCode());
        p.put("verifyUrl", c.verifyUrl());
        p.put("qrCode", QrCodes.of(c.verifyUrl()));
        try {
            return JasperFillManager.fillReport(report, p, new JRBeanCollectionDataSource(c.rows()));
        } catch (JRException e) {
            throw new IllegalStateException("cannot fill certificate " + c.certificateNo(), e);
        }
    }

    /**
     * The filled report as PDF bytes issued at {@code issuedAt}, by the plain exporter: the certificate template has
     * no hyperlinks, anchors or excluded elements ({@link IssuedPdf#exportPlain}).
     */
    byte[] export(JasperPrint print, java.time.Instant issuedAt, String documentKey) {
        return IssuedPdf.exportPlain(print, issuedAt, documentKey, EXPECTED_BYTES);
    }

    /** A certificate is about 50 kB: room for it at once, rather than doubling a small buffer six times. */
    private static final int EXPECTED_BYTES = 96 * 1024;
}

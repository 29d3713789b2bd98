package org.metrolims.reports.certificate;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.export.ExporterFilter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicImage;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfImage;

/**
 * The calibration certificate template, compiled once; {@link #render} fills and exports one certificate to PDF
 * and may be called from many threads at once (a compiled JasperReport is read-only during fill). The CJK font
 * is a JasperReports font extension embedded in every PDF.
 */
@org.springframework.stereotype.Component
public final class CertificateTemplate {

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

    /** The certificate as PDF bytes; fails loudly when it cannot render. */
    public byte[] render(CertificateContent c) {
        return export(fill(c), c.certificateNo());
    }

    /** The filled report (text measured and laid out, pages numbered), before export. */
    JasperPrint fill(CertificateContent c) {
        Map<String, Object> p = new HashMap<>();
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

    /** The filled report as PDF bytes. */
    byte[] export(JasperPrint print, String certificateNo) {
        var out = new ByteArrayOutputStream(EXPECTED_BYTES);
        var exporter = new Exporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("cannot render certificate " + certificateNo, e);
        }
        return out.toByteArray();
    }

    /** A certificate is about 50 kB: room for it at once, rather than doubling a small buffer six times. */
    private static final int EXPECTED_BYTES = 96 * 1024;

    /**
     * JasperReports' PDF exporter without three things a certificate does not use, which the stock exporter builds
     * for every document all the same:
     * <ul>
     * <li>the transparent pixel it lays over an image that carries a hyperlink or an anchor, decoded from a GIF
     * resource with ImageIO once per exporter, that is once per certificate: here a raw 1 x 1 transparent image, made
     * without decoding anything;</li>
     * <li>the element filter, assembled from every filter factory extension and the report's
     * {@code net.sf.jasperreports.export.*.exclude.*} properties: the certificate template sets none, so every
     * element is exported (a template that wanted some left out would have to say so here);</li>
     * <li>the named destination at the top of each page, only a target for hyperlinks to a page number: the
     * certificate has no hyperlinks.</li>
     * </ul>
     */
    private static final class Exporter extends JRPdfExporter {

        @Override
        protected PdfImage getPxImage() {
            if (pxImage == null && pdfProducer instanceof ClassicPdfProducer) {
                try {
                    pxImage = new ClassicImage(Image.getInstance(1, 1, 1, 8, new byte[] {0}, new int[] {0, 0}));
                } catch (BadElementException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.getPxImage();
        }

        @Override
        protected ExporterFilter createFilter() {
            return null;
        }

        @Override
        protected void writePageAnchor(int pageIndex) {
        }
    }
}

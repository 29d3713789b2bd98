package org.metrolims.reports.internal;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;

/**
 * Exports a filled report to PDF as a document issued at a given instant, so that the same content issued at the
 * same instant gives the same bytes (ISO/IEC 17025:2017 7.8.1.2 and 7.11.2: an issued report is reproducible and its
 * stored bytes and hash are the record; a reload of the deterministic demo gives the same hashes).
 *
 * <p>What a plain JasperReports/OpenPDF export takes from the moment and the machine instead of the content:
 * <ul>
 *   <li>the document information dictionary's {@code /CreationDate} and {@code /ModDate} (ISO 32000-1 14.3.3):
 *       set here to the issue instant;</li>
 *   <li>the trailer's file identifier {@code /ID} (ISO 32000-1 14.4), made by OpenPDF from the clock and free
 *       memory: set here from the SHA-256 of the document's key and the issue instant (both halves the same, as
 *       for a file never modified since it was created). OpenPDF takes a preset identifier only from the information
 *       dictionary's {@code /FileID} entry, so that entry is there too (a private key of the dictionary, ignored by
 *       readers);</li>
 *   <li>the six-letter tag of each embedded font subset ({@code ABCDEF+Font}, ISO 32000-1 9.6.4), drawn by OpenPDF
 *       from a {@link SecureRandom}: made here from the font's own name and encoding, which keeps it unique among
 *       the fonts of one document.</li>
 * </ul>
 * Thread-safe: each export has its own exporter; the font tag source is stateless and shared.
 */
public final class IssuedPdf {

    private IssuedPdf() {
    }

    /**
     * The report as PDF bytes carrying {@code issuedAt} as creation and modification date.
     *
     * @param documentKey what identifies the document among all issued ones (e.g. certificate number and revision);
     *                    it seeds the file identifier
     */
    public static byte[] export(JasperPrint print, Instant issuedAt, String documentKey) {
        return export(print, new Exporter(issuedAt, documentKey, false), documentKey, 64 * 1024);
    }

    /**
     * As {@link #export}, by an exporter without three things a plain document does not use, which the stock
     * exporter builds for every document all the same — for a template with no hyperlinks or anchors and no
     * {@code net.sf.jasperreports.export.*.exclude.*} properties (the calibration certificate, exported by the
     * thousand):
     * <ul>
     * <li>the transparent pixel laid over an image that carries a hyperlink or an anchor, decoded from a GIF resource
     * with ImageIO once per exporter, that is once per document: here a raw 1 x 1 transparent image, made without
     * decoding anything;</li>
     * <li>the element filter, assembled from every filter factory extension and the report's exclude properties:
     * every element is exported;</li>
     * <li>the named destination at the top of each page, only a target for hyperlinks to a page number.</li>
     * </ul>
     *
     * @param expectedBytes the output buffer to start with (room for a typical document at once)
     */
    public static byte[] exportPlain(JasperPrint print, Instant issuedAt, String documentKey, int expectedBytes) {
        return export(print, new Exporter(issuedAt, documentKey, true), documentKey, expectedBytes);
    }

    private static byte[] export(JasperPrint print, Exporter exporter, String documentKey, int expectedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedBytes);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("cannot export " + documentKey + " to PDF", e);
        }
        return out.toByteArray();
    }

    /** The PDF date of an instant, in UTC ({@code D:YYYYMMDDHHmmSSZ}). */
    static PdfDate pdfDate(Instant at) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(at.toEpochMilli());
        return new PdfDate(calendar);
    }

    /** The 16-byte file identifier of a document key and issue instant. */
    static byte[] fileId(String documentKey, Instant issuedAt) {
        return Arrays.copyOf(sha256(documentKey + "\n" + issuedAt), 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static final class Exporter extends JRPdfExporter {

        private final Instant issuedAt;
        private final String documentKey;
        private final boolean plain;

        Exporter(Instant issuedAt, String documentKey, boolean plain) {
            this.issuedAt = issuedAt;
            this.documentKey = documentKey;
            this.plain = plain;
        }

        @Override
        protected net.sf.jasperreports.pdf.common.PdfImage getPxImage() {
            if (plain && pxImage == null && pdfProducer instanceof ClassicPdfProducer) {
                try {
                    pxImage = new net.sf.jasperreports.pdf.classic.ClassicImage(com.lowagie.text.Image.getInstance(
                            1, 1, 1, 8, new byte[] {0}, new int[] {0, 0}));
                } catch (com.lowagie.text.BadElementException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.getPxImage();
        }

        @Override
        protected net.sf.jasperreports.engine.export.ExporterFilter createFilter() {
            return plain ? null : super.createFilter();
        }

        @Override
        protected void writePageAnchor(int pageIndex) {
            if (!plain) {
                super.writePageAnchor(pageIndex);
            }
        }

        @Override
        protected PdfProducer createPdfProducer() {
            return new ClassicPdfProducer(createPdfProducerContext()) {

                @Override
                public com.lowagie.text.Font getFont(Map<AttributedCharacterIterator.Attribute, Object> attributes,
                        Locale locale) {
                    com.lowagie.text.Font font = super.getFont(attributes, locale);
                    BaseFont base = font.getBaseFont();
                    if (base != null) {
                        base.setSecureRandom(FontTags.of(base));
                    }
                    return font;
                }

                @Override
                public void close() {
                    PdfDictionary info = getPdfWriter().getInfo();
                    PdfDate date = pdfDate(issuedAt);
                    info.put(PdfName.CREATIONDATE, date);
                    info.put(PdfName.MODDATE, date);
                    byte[] id = fileId(documentKey, issuedAt);
                    info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
                    super.close();
                }
            };
        }
    }

    /**
     * The source OpenPDF draws a font subset's tag from ({@code BaseFont.createSubsetPrefix}, six calls of
     * {@code nextDouble}): one per font name and encoding, answering a fixed value derived from them, so a font's tag
     * is the same on every export and two fonts of one document almost never share a letter (and never a name).
     */
    static final class FontTags extends SecureRandom {

        private static final java.util.concurrent.ConcurrentMap<String, FontTags> BY_FONT =
                new java.util.concurrent.ConcurrentHashMap<>();

        private final double value;

        private FontTags(String font) {
            this.value = (Math.floorMod(font.hashCode(), 26) + 0.5) / 26;
        }

        static FontTags of(BaseFont font) {
            return BY_FONT.computeIfAbsent(font.getPostscriptFontName() + "/" + font.getEncoding(), FontTags::new);
        }

        @Override
        public double nextDouble() {
            return value;
        }
    }
}

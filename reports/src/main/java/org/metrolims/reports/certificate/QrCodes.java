package org.metrolims.reports.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Dimension2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Map;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.DimensionRenderable;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * QR codes (ISO/IEC 18004, error correction level M, a one-module quiet zone) of verification addresses, drawn as
 * vector squares. A vector symbol is sharp at any print size, and it spares each certificate an image round trip:
 * a {@link java.awt.Image} parameter is PNG-encoded by the fill and decoded again by the PDF export, which cost
 * more than encoding the symbol itself.
 */
final class QrCodes {

    private QrCodes() {
    }

    static Symbol of(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            if (matrix.getWidth() != matrix.getHeight()) {
                throw new IllegalStateException("a QR symbol is square; got " + matrix.getWidth() + " x "
                        + matrix.getHeight());
            }
            int size = matrix.getWidth();
            int[] runs = new int[3 * size * size / 2 + 3];
            int n = 0;
            for (int y = 0; y < size; y++) {
                int x = 0;
                while (x < size) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int from = x;
                    while (x < size && matrix.get(x, y)) {
                        x++;
                    }
                    runs[n++] = y;
                    runs[n++] = from;
                    runs[n++] = x - from;
                }
            }
            return new Symbol(size, Arrays.copyOf(runs, n));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
    }

    /**
     * A QR symbol as its dark modules, row by row in horizontal runs; drawn as one filled path (so adjacent modules
     * show no seams) on a white square the size of the symbol with its quiet zone.
     */
    static final class Symbol extends AbstractRenderer implements Graphics2DRenderable, DimensionRenderable {

        private static final long serialVersionUID = 1L;

        private final int size;
        /** (row, first column, length) of each run of dark modules. */
        private final int[] runs;

        Symbol(int size, int[] runs) {
            this.size = size;
            this.runs = runs;
        }

        /** Modules per side, quiet zone included. */
        int size() {
            return size;
        }

        /** Whether the module at column {@code x}, row {@code y} is dark. */
        boolean dark(int x, int y) {
            for (int i = 0; i < runs.length; i += 3) {
                if (runs[i] == y && x >= runs[i + 1] && x < runs[i + 1] + runs[i + 2]) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
            double module = Math.min(area.getWidth(), area.getHeight()) / size;
            double x0 = area.getX();
            double y0 = area.getY();
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(x0, y0, size * module, size * module));
            // a run repeated in the rows below (same columns) is one taller rectangle: fewer path segments to write
            Path2D.Double dark = new Path2D.Double(Path2D.WIND_NON_ZERO, runs.length / 3 * 5);
            boolean[] merged = new boolean[runs.length / 3];
            for (int i = 0; i < runs.length; i += 3) {
                if (merged[i / 3]) {
                    continue;
                }
                int rows = 1;
                for (int j = i + 3; j < runs.length && runs[j] <= runs[i] + rows; j += 3) {
                    if (runs[j] == runs[i] + rows && runs[j + 1] == runs[i + 1] && runs[j + 2] == runs[i + 2]) {
                        merged[j / 3] = true;
                        rows++;
                    }
                }
                double x = x0 + runs[i + 1] * module;
                double y = y0 + runs[i] * module;
                double w = runs[i + 2] * module;
                double h = rows * module;
                dark.moveTo(x, y);
                dark.lineTo(x + w, y);
                dark.lineTo(x + w, y + h);
                dark.lineTo(x, y + h);
                dark.closePath();
            }
            g.setColor(Color.BLACK);
            g.fill(dark);
        }

        @Override
        public Dimension2D getDimension(JasperReportsContext context) {
            return new Dimension(size, size);
        }
    }
}

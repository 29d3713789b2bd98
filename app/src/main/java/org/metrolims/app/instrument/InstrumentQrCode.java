package org.metrolims.app.instrument;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The QR code of an instrument page's address, for its label: ZXing with the certificates' settings (ISO/IEC 18004,
 * error correction level M, one module of quiet zone), drawn as one SVG path of the dark modules in a
 * {@code size × size} view box, so it prints sharp at any size.
 *
 * @param size modules per side, quiet zone included
 * @param path the SVG path data of the dark modules
 */
record InstrumentQrCode(String text, int size, String path) {

    static InstrumentQrCode of(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int from = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(from).append(' ').append(y).append('h').append(x - from).append("v1h-")
                        .append(x - from).append('z');
            }
        }
        return new InstrumentQrCode(text, m.getWidth(), path.toString());
    }
}

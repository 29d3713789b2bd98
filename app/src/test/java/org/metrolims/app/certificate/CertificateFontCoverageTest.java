package org.metrolims.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The certificate font is a subset (GB 2312 and the Latin, Greek and symbol blocks): every character the
 * certificates and PT reports can print from this code base — the templates and their wording, the message bundles,
 * and the demo province's names, addresses, catalogue and PT schemes — must have a glyph in it, or the PDF would
 * show blanks.
 */
class CertificateFontCoverageTest {

    @Test
    void theEmbeddedFontHasAGlyphForEveryCharacterOfTemplatesBundlesAndDemoData() throws Exception {
        Font font;
        try (InputStream in = getClass().getResourceAsStream("/fonts/wqy-microhei-gb2312.ttf")) {
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        List<Path> sources = Stream.of(
                        files(Path.of("demo/src/main/java/org/metrolims/demo"), ".java"),
                        files(Path.of("src/main/resources/i18n"), ".properties"),
                        files(Path.of("../reports/src/main/java/org/metrolims/reports"), ".java"),
                        files(Path.of("../reports/src/main/resources/org/metrolims/reports"), ".jrxml"))
                .flatMap(List::stream).toList();
        assertThat(sources).hasSizeGreaterThan(10);
        var missing = new TreeMap<String, String>();
        for (Path source : sources) {
            Files.readString(source).codePoints()
                    .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                    .filter(cp -> !font.canDisplay(cp))
                    .forEach(cp -> missing.put(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp),
                            source.getFileName().toString()));
        }
        assertThat(missing).as("characters without a glyph, and a file that uses each").isEmpty();
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}

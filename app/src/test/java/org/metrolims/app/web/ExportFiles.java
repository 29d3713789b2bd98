package org.metrolims.app.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reading what list pages and their exports hold, for the tests that compare them. */
public final class ExportFiles {

    private ExportFiles() {}

    /** The total a data table's footer states ("1–3 of 3" in English); 0 when it shows none. */
    public static long tableTotal(String html) {
        Matcher m = Pattern.compile("class=\"muted table-count\">[^<]*? of ([0-9]+)<").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The data rows of a CSV export (its lines less the header; no cell of these lists holds a line break). */
    public static long csvRows(String csv) {
        return csv.lines().count() - 1;
    }

    /** The data rows of an Excel export's first sheet (its rows less the header). */
    public static long xlsxRows(byte[] xlsx) throws Exception {
        return sheet(xlsx).split("<row ", -1).length - 2;
    }

    /** The XML of an Excel export's first sheet. */
    public static String sheet(byte[] xlsx) throws Exception {
        return entry(xlsx, "xl/worksheets/sheet1.xml");
    }

    /** The text of one part of an Office Open XML file (a zip). */
    public static String entry(byte[] xlsx, String name) throws Exception {
        // read through the central directory (as Excel does): a streamed entry's local header states no size
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export-", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry(name);
                if (e == null) {
                    throw new AssertionError("no " + name + " in the workbook");
                }
                return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}

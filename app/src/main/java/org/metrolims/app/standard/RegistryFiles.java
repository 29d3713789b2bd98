package org.metrolims.app.standard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.metrolims.calibration.standard.CsvCells;
import org.metrolims.calibration.standard.RegistryTable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV and Excel downloads of a register, and reading an uploaded CSV in its declared charset (UTF-8 by default). */
public final class RegistryFiles {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private RegistryFiles() {}

    /** UTF-8 with a byte-order mark, so that Excel shows Chinese names rightly; import skips the mark. */
    public static ResponseEntity<byte[]> csv(RegistryTable table, String name) {
        StringWriter out = new StringWriter().append('\uFEFF');
        CsvCells.write(table, out);
        return download(out.toString().getBytes(StandardCharsets.UTF_8), CSV, name + ".csv");
    }

    public static ResponseEntity<byte[]> xlsx(RegistryTable table, String name) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet(name);
            Font bold = workbook.createFont();
            bold.setBold(true);
            var headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            write(sheet.createRow(0), table.header(), headerStyle);
            for (int i = 0; i < table.rows().size(); i++) {
                write(sheet.createRow(i + 1), table.rows().get(i), null);
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return download(out.toByteArray(), XLSX, name + ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    public static Reader reader(byte[] body, MediaType contentType) {
        Charset charset = contentType != null && contentType.getCharset() != null ? contentType.getCharset()
                : StandardCharsets.UTF_8;
        return new InputStreamReader(new ByteArrayInputStream(body), charset);
    }

    private static void write(Row row, List<String> cells, org.apache.poi.ss.usermodel.CellStyle style) {
        for (int c = 0; c < cells.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(cells.get(c));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}

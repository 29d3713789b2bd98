package org.metrolims.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.metrolims.calibration.standard.CsvCells;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The CSV and Excel export of a data table: the same rows as the table for the same search, filters and sort (all of
 * them, not one page), under the same column labels in the user's language and with the numbers as the page writes
 * them (the caller's columns read them through {@link Labels} and {@link NumberFormats}). Rows are streamed to the
 * response as the repository's pages are read, so that a long list never sits in memory as a whole.
 *
 * <ul>
 *   <li>CSV: RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte-order mark so that Excel opens Chinese text
 *       rightly;</li>
 *   <li>XLSX: Apache POI's streaming workbook (already the registry's Excel writer), a bold frozen header row;</li>
 *   <li>in both, a text cell that a spreadsheet would run as a formula ({@code = + - @}) is written with a leading
 *       quote ({@link CsvCells#neutralised(String)}), numbers are numeric cells.</li>
 * </ul>
 * What rows a user may see is the list's rule, applied by the same repository call as the table's.
 */
public final class TableExport {

    /** How many rows the streaming workbook keeps in memory before it writes them out. */
    private static final int WINDOW = 200;

    private TableExport() {}

    /** One column: its label (already in the user's language) and how a row gives its cell (text, number or null). */
    public record Column<T>(String label, Function<? super T, ?> cell) {}

    /** The rows of an export, handed one by one to the writer. */
    @FunctionalInterface
    public interface Rows<T> {
        void forEach(Consumer<T> row);
    }

    /** The formats offered: {@code csv} and {@code xlsx}. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        /** The format named by an export link's extension; any other is a 404 (there is no such download). */
        public static Format of(String extension) {
            return switch (extension == null ? "" : extension) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no export as ." + extension);
            };
        }
    }

    /**
     * Every row of a paged list, read through the same call as the table, {@value PageRequest#MAX_SIZE} at a time,
     * until the list's total is reached.
     */
    public static <T> Rows<T> allPages(IntFunction<Page<T>> read) {
        return sink -> {
            for (int page = 0; ; page++) {
                Page<T> p = read.apply(page);
                p.items().forEach(sink);
                if (p.items().size() < p.size() || (long) (page + 1) * p.size() >= p.totalItems()) {
                    return;
                }
            }
        };
    }

    /** The page request of the {@code page}-th read of {@link #allPages(IntFunction)}. */
    public static PageRequest exportPage(int page) {
        return new PageRequest(page, PageRequest.MAX_SIZE);
    }

    /** Writes the export to the response as an attachment named {@code name.csv} or {@code name.xlsx}. */
    public static <T> void send(HttpServletResponse response, Format format, String name, List<Column<T>> columns,
            Rows<T> rows) {
        String file = name.replaceAll("[^A-Za-z0-9_.-]", "_") + "." + format.name().toLowerCase(java.util.Locale.ROOT);
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
        try {
            OutputStream out = response.getOutputStream();
            if (format == Format.CSV) {
                csv(out, columns, rows);
            } else {
                xlsx(out, name, columns, rows);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> void csv(OutputStream out, List<Column<T>> columns, Rows<T> rows) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(columns.stream().map(c -> CsvCells.neutralised(c.label())).toList());
        rows.forEach(row -> {
            List<String> cells = new ArrayList<>(columns.size());
            for (Column<T> c : columns) {
                Object v = c.cell().apply(row);
                cells.add(v == null ? "" : v instanceof Number n ? number(n) : CsvCells.neutralised(v.toString()));
            }
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    static <T> void xlsx(OutputStream out, String name, List<Column<T>> columns, Rows<T> rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(CsvCells.neutralised(columns.get(i).label()));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.forEach(row -> {
                Row r = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = columns.get(i).cell().apply(row);
                    if (v instanceof Number n) {
                        r.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        r.createCell(i).setCellValue(CsvCells.neutralised(v.toString()));
                    }
                }
            });
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String number(Number n) {
        return n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString();
    }
}

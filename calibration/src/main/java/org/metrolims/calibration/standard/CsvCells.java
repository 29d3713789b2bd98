package org.metrolims.calibration.standard;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reading typed cells of one record, noting the ones that do not parse. */
public final class CsvCells {

    private final CSVRecord record;
    private final FieldChecks checks;

    public CsvCells(CSVRecord record, FieldChecks checks) {
        this.record = record;
        this.checks = checks;
    }

    /** A parser of a file whose first row names the columns; a UTF-8 byte-order mark (Excel writes one) is skipped. */
    public static CSVParser parser(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(in);
    }

    /** Most data rows one CSV import takes (as many as one export holds); larger files are sent in parts. */
    public static final int MAX_IMPORT_ROWS = RegistryTable.EXPORT_LIMIT;

    /**
     * Malformed CSV (an unterminated quote, a duplicate column name), wherever the parser meets it — in the header
     * row as in a data row —, as a rejection of the file naming the line.
     */
    public static RegistryInputException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return new RegistryInputException("file", "is not readable CSV: " + cause.getMessage());
    }

    /** Refuses a file once it has more than {@link #MAX_IMPORT_ROWS} data rows, before reading the rest of it. */
    public static void requireRowWithinLimit(long dataRow) {
        if (dataRow > MAX_IMPORT_ROWS) {
            throw new RegistryInputException("file", "an import holds at most " + MAX_IMPORT_ROWS
                    + " rows; send a larger file in parts");
        }
    }

    /** Writes a table as CSV (RFC 4180), header first, every cell through {@link #neutralised(String)}. */
    public static void write(RegistryTable table, Appendable out) {
        write(table.header(), table.rows(), out);
    }

    /**
     * Writes rows as CSV (RFC 4180: quoted where needed, CRLF), header first, every cell through
     * {@link #neutralised(String)}: the one CSV writer of every export.
     */
    public static void write(List<String> header, List<List<String>> rows, Appendable out) {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(CsvCells::neutralised).toList());
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvCells::neutralised).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell as a spreadsheet will not run it (OWASP, CSV injection): text starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, so that Excel or LibreOffice shows
     * it as text instead of evaluating a formula. A plain decimal number ({@code -12.5}, {@code -1.2E-7}) is left as it
     * is: it cannot be a formula, and numeric columns keep their negative values. A cell that already starts with a
     * quote before one of those characters gets one more, so that {@link #restored(String)} gives back exactly what
     * was stored.
     */
    public static String neutralised(String cell) {
        if (cell == null || !needsQuote(cell) || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** The inverse of {@link #neutralised(String)} on import: the quote an export added is taken off again. */
    public static String restored(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsQuote(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private static boolean needsQuote(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && "=+-@\t\r".indexOf(cell.charAt(i)) >= 0;
    }

    public static void requireColumns(CSVParser parser, List<String> columns) {
        List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            List<RegistryInputException.FieldError> errors = missing.stream()
                    .map(c -> new RegistryInputException.FieldError(c, "column is missing from the header row"))
                    .toList();
            throw new RegistryInputException(errors);
        }
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    public String text(String column) {
        String v = record.isSet(column) ? record.get(column) : null;
        return v == null || v.isBlank() ? null : restored(v.strip());
    }

    public BigDecimal decimal(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            checks.reject(column, "'" + v + "' is not a number");
            return null;
        }
    }

    public Integer integer(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            checks.reject(column, "'" + v + "' is not a whole number");
            return null;
        }
    }

    public LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            checks.reject(column, "'" + v + "' is not a date (yyyy-mm-dd)");
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.reject(column, "'" + v + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }
}

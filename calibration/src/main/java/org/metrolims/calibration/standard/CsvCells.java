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

    /** Malformed CSV (an unterminated quote, a duplicate column name) as a rejection of the file. */
    public static RegistryInputException unreadable(RuntimeException e) {
        return new RegistryInputException("file", "is not readable CSV: " + e.getMessage());
    }

    /** Writes a table as CSV (RFC 4180), header first. */
    public static void write(RegistryTable table, Appendable out) {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(table.header());
            for (List<String> row : table.rows()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return v == null || v.isBlank() ? null : v.strip();
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

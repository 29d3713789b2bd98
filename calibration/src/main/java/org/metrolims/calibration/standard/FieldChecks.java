package org.metrolims.calibration.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with an input before anything is written, so that the caller hears about all of them at
 * once. The limits follow the columns (VARCHAR lengths, DECIMAL(38, 12)) and CHECK constraints of the schema, so that
 * the database never has to refuse what passed here.
 */
public final class FieldChecks {

    /** DECIMAL(38, 12): 26 digits before the point, 12 after. */
    private static final int INTEGER_DIGITS = 26;
    private static final int FRACTION_DIGITS = 12;

    private final List<RegistryInputException.FieldError> errors = new ArrayList<>();

    /** Notes a problem with a field; only the first problem of each field is kept. */
    public FieldChecks reject(String field, String message) {
        if (has(field)) {
            return this;
        }
        errors.add(new RegistryInputException.FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<RegistryInputException.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws {@link RegistryInputException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RegistryInputException(errors);
        }
    }

    public FieldChecks required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return reject(field, "is required");
        }
        return maxLength(field, value, maxLength);
    }

    /**
     * At most {@code maxLength} characters, and no control characters: none at all in codes, serial and asset numbers
     * and the other identifiers (a NUL, a CR or a tab in a serial number breaks every search, calendar and label it is
     * printed on); in names and other text, line breaks and tabs only.
     */
    public FieldChecks maxLength(String field, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            reject(field, "is longer than " + maxLength + " characters");
        }
        if (value != null) {
            boolean multiLine = !IDENTIFIERS.contains(field.substring(field.lastIndexOf('.') + 1));
            boolean control = value.chars().anyMatch(c -> Character.isISOControl(c)
                    && !(multiLine && (c == '\n' || c == '\r' || c == '\t')));
            if (control) {
                reject(field, multiLine ? "contains control characters (only line breaks and tabs are allowed)"
                        : "contains control characters (NUL, CR, LF, tab …), which an identifier cannot hold");
            }
        }
        return this;
    }

    /** The fields that identify something, typed on one line. */
    private static final java.util.Set<String> IDENTIFIERS = java.util.Set.of("code", "serialNo", "assetNo",
            "model", "unit", "accuracyClass", "certificateNo");

    /** Required; a date also within {@link #EARLIEST_DATE} … {@link #LATEST_DATE}. */
    public FieldChecks required(String field, Object value) {
        if (value == null) {
            reject(field, "is required");
        } else if (value instanceof LocalDate d && (d.isBefore(EARLIEST_DATE) || d.isAfter(LATEST_DATE))) {
            reject(field, "must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE + ", got " + d);
        }
        return this;
    }

    /** The dates a register holds (establishment, certificates, status changes): none before, none after. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    /** Fits DECIMAL(38, 12); {@code positive} also refuses zero and negatives, {@code nonNegative} negatives. */
    public FieldChecks decimal(String field, BigDecimal value, Sign sign) {
        if (value == null) {
            return this;
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > FRACTION_DIGITS) {
            return reject(field, "has more than " + FRACTION_DIGITS + " decimal places");
        }
        if (v.precision() - v.scale() > INTEGER_DIGITS) {
            return reject(field, "is too large");
        }
        if (sign == Sign.POSITIVE && v.signum() <= 0) {
            return reject(field, "must be greater than zero");
        }
        if (sign == Sign.NON_NEGATIVE && v.signum() < 0) {
            return reject(field, "must not be negative");
        }
        return this;
    }

    public FieldChecks range(String lowField, BigDecimal low, String highField, BigDecimal high) {
        if (low != null && high != null && low.compareTo(high) > 0 && !has(lowField) && !has(highField)) {
            reject(lowField, "must not be greater than " + highField);
        }
        return this;
    }

    public FieldChecks notAfter(String field, LocalDate date, String laterField, LocalDate later) {
        if (date != null && later != null && date.isAfter(later)) {
            reject(field, "must not be after " + laterField);
        }
        return this;
    }

    public enum Sign {
        ANY, NON_NEGATIVE, POSITIVE
    }
}

package org.metrolims.calibration.standard;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV format of the standards register: one standard per row, with its latest assessment certificate. Export
 * writes it and import reads it, so an exported file imports as it is; the {@code status} column is written for the
 * reader and ignored on import (an imported standard starts ACTIVE from its {@code establishedOn} date).
 */
final class StandardCsv {

    static final List<String> HEADER = List.of("code", "nameZh", "nameEn", "discipline", "quantity", "level", "owner",
            "region", "rangeLow", "rangeHigh", "unit", "expandedUncertainty", "coverageFactor", "accuracyClass",
            "establishedOn", "certificateNo", "certificateIssuedOn", "certificateExpiresOn", "certificateIssuer",
            "status");

    static final List<String> REQUIRED = HEADER.subList(0, HEADER.size() - 1);

    private StandardCsv() {}

    /** A parsed data row, with the cells that could not be read as their type. */
    record Row(int row, StandardDetails details, CertificateDetails certificate, FieldChecks checks) {
    }

    static List<String> cells(MeasurementStandard s) {
        AssessmentCertificate c = s.certificate();
        return List.of(s.code(), s.nameZh(), s.nameEn(), s.discipline(), s.quantity(), s.level().name(), s.owner(),
                s.region(), CsvCells.cell(s.rangeLow()), CsvCells.cell(s.rangeHigh()), s.unit(),
                CsvCells.cell(s.expandedUncertainty()), CsvCells.cell(s.coverageFactor()), CsvCells.cell(s.accuracyClass()),
                s.establishedOn().toString(), c == null ? "" : c.certificateNo(),
                c == null ? "" : c.issuedOn().toString(), c == null ? "" : c.expiresOn().toString(),
                c == null ? "" : c.issuer(), s.status().name());
    }

    /**
     * Reads every row. A missing column is reported once, against row 1 (the header).
     *
     * @throws RegistryInputException when the header lacks columns
     */
    static List<Row> parse(Reader reader) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CsvCells.parser(reader)) {
            CsvCells.requireColumns(parser, REQUIRED);
            int row = 1;
            for (CSVRecord r : parser) {
                row++;
                CsvCells.requireRowWithinLimit(row - 1);
                FieldChecks checks = new FieldChecks();
                CsvCells cells = new CsvCells(r, checks);
                StandardDetails details = new StandardDetails(cells.text("code"), cells.text("nameZh"),
                        cells.text("nameEn"), cells.text("discipline"), cells.text("quantity"),
                        cells.enumValue("level", StandardLevel.class), cells.text("owner"), cells.text("region"),
                        cells.decimal("rangeLow"), cells.decimal("rangeHigh"), cells.text("unit"),
                        cells.decimal("expandedUncertainty"), cells.decimal("coverageFactor"),
                        cells.text("accuracyClass"), cells.date("establishedOn"));
                String certificateNo = cells.text("certificateNo");
                LocalDate issued = cells.date("certificateIssuedOn");
                LocalDate expires = cells.date("certificateExpiresOn");
                String issuer = cells.text("certificateIssuer");
                CertificateDetails certificate = certificateNo == null && issued == null && expires == null
                        && issuer == null ? null : new CertificateDetails(certificateNo, issued, expires, issuer);
                rows.add(new Row(row, details, certificate, checks));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw CsvCells.unreadable(e);
        }
        return rows;
    }
}

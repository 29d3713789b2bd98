package org.metrolims.calibration.instrument;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.metrolims.calibration.standard.CsvCells;
import org.metrolims.calibration.standard.FieldChecks;

/**
 * The CSV format of the instrument register; export writes it and import reads it. The {@code standard} column
 * (the standard whose equipment the instrument is) is written for the reader and ignored on import: equipment is
 * linked on the standard.
 */
final class InstrumentCsv {

    static final List<String> HEADER = List.of("owner", "type", "assetNo", "manufacturer", "model", "serialNo",
            "rangeLow", "rangeHigh", "unit", "resolution", "maxPermissibleError", "location",
            "calibrationIntervalMonths", "status", "standard");

    static final List<String> REQUIRED = List.of("owner", "type", "manufacturer", "model", "serialNo", "unit");

    private InstrumentCsv() {}

    record Row(int row, InstrumentDetails details, FieldChecks checks) {
    }

    static List<String> cells(Instrument i) {
        return List.of(i.owner(), i.type(), CsvCells.cell(i.assetNo()), i.manufacturer(), i.model(), i.serialNo(),
                CsvCells.cell(i.rangeLow()), CsvCells.cell(i.rangeHigh()), i.unit(), CsvCells.cell(i.resolution()),
                CsvCells.cell(i.maxPermissibleError()), CsvCells.cell(i.location()),
                CsvCells.cell(i.calibrationIntervalMonths()), i.status().name(), CsvCells.cell(i.standard()));
    }

    static List<Row> parse(Reader reader) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CsvCells.parser(reader)) {
            CsvCells.requireColumns(parser, REQUIRED);
            int row = 1;
            for (CSVRecord r : parser) {
                row++;
                CsvCells.requireRowWithinLimit(row - 1);
                FieldChecks checks = new FieldChecks();
                CsvCells c = new CsvCells(r, checks);
                rows.add(new Row(row, new InstrumentDetails(c.text("owner"), c.text("type"), c.text("assetNo"),
                        c.text("manufacturer"), c.text("model"), c.text("serialNo"), c.decimal("rangeLow"),
                        c.decimal("rangeHigh"), c.text("unit"), c.decimal("resolution"),
                        c.decimal("maxPermissibleError"), c.text("location"), c.integer("calibrationIntervalMonths"),
                        c.enumValue("status", InstrumentStatus.class)), checks));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw CsvCells.unreadable(e);
        }
        return rows;
    }
}

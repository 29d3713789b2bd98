package org.metrolims.calibration.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textStartingWithAFormulaCharacterIsQuotedSoNoSpreadsheetRunsIt() {
        assertThat(CsvCells.neutralised("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.neutralised("+1+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CsvCells.neutralised("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralised("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralised("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void plainNumbersAndOrdinaryTextAreLeftAlone() {
        for (String cell : new String[] {"-12.5", "-0.000002", "-1.2E-7", "10.1", "0", "", "天平室 101", "E2",
                "'quoted", "a=b"}) {
            assertThat(CsvCells.neutralised(cell)).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void importTakesBackExactlyTheQuoteExportAdded() {
        for (String stored : new String[] {"=HYPERLINK(\"x\")", "'=already quoted", "''=twice", "-2+3", "-12.5",
                "'plain", "plain"}) {
            assertThat(CsvCells.restored(CsvCells.neutralised(stored))).as(stored).isEqualTo(stored);
        }
    }

    @Test
    void everyExportedCellGoesThroughTheNeutraliser() {
        StringBuilder out = new StringBuilder();
        CsvCells.write(List.of("serialNo", "location", "rangeLow"),
                List.of(List.of("SN-1", "=HYPERLINK(\"http://x\",\"y\")", "-5")), out);
        assertThat(out.toString()).isEqualTo(
                "serialNo,location,rangeLow\r\nSN-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\r\n");
    }
}

package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrolims.app.web.TableExport.Column;
import org.metrolims.db.Page;

/** The export writer every list's CSV and Excel download goes through. */
class TableExportTest {

    record Row(String name, Integer count) {}

    static final List<Column<Row>> COLUMNS = List.of(new Column<>("名称", Row::name), new Column<>("Count", Row::count));

    static final List<Row> ROWS = List.of(new Row("=HYPERLINK(\"http://evil\",\"x\")", 1), new Row("+1+2", 2),
            new Row("-cmd", -3), new Row("@SUM(A1)", null), new Row("计量所, \"A\"", 5));

    @Test
    void csvIsUtf8WithAByteOrderMarkAndRfc4180QuotingAndNeutralisesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.csv(out, COLUMNS, ROWS::forEach);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("名称,Count\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",1\r\n"
                + "'+1+2,2\r\n"
                + "'-cmd,-3\r\n"
                + "'@SUM(A1),\r\n"
                + "\"计量所, \"\"A\"\"\",5\r\n");
    }

    @Test
    void xlsxWritesNumbersAsNumbersAndFormulaTextAsQuotedText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.xlsx(out, "test", COLUMNS, ROWS::forEach);
        String sheet = ExportFiles.sheet(out.toByteArray());
        assertThat(sheet).doesNotContain("<f>");
        assertThat(sheet.split("<row ", -1)).hasSize(1 + 1 + ROWS.size());
        assertThat(sheet).contains("'=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)", "'+1+2", "'@SUM(A1)",
                "<v>-3.0</v>", "名称");
    }

    @Test
    void allPagesReadsEveryPageUpToTheTotal() {
        List<Integer> seen = new java.util.ArrayList<>();
        List<Integer> pagesRead = new java.util.ArrayList<>();
        TableExport.allPages(p -> {
            pagesRead.add(p);
            int from = p * 2;
            List<Integer> items = java.util.stream.IntStream.range(from, Math.min(from + 2, 5)).boxed().toList();
            return new Page<>(items, p, 2, 5);
        }).forEach(seen::add);
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(pagesRead).containsExactly(0, 1, 2);
    }
}

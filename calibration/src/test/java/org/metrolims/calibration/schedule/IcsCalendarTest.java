package org.metrolims.calibration.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    @Test
    void writesFoldedEscapedAllDayEventsThatParseBack() {
        String longName = "数字压力计 Digital pressure gauge, class 0.05; serial 12345 — " + "很长的描述".repeat(10);
        String ics = IcsCalendar.write("FJIM, due dates", List.of(
                new IcsCalendar.Event("instrument-7-20261120@metrolims", LocalDate.of(2026, 11, 20), longName,
                        "line one\nline two"),
                new IcsCalendar.Event("instrument-8-20261201@metrolims", LocalDate.of(2026, 12, 1), "B", "C")),
                Instant.parse("2026-11-01T08:00:00Z"));

        assertThat(ics).endsWith("\r\n");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        List<Map<String, String>> events = parse(ics);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsEntry("DTSTART;VALUE=DATE", "20261120")
                .containsEntry("DTEND;VALUE=DATE", "20261121")
                .containsEntry("UID", "instrument-7-20261120@metrolims")
                .containsEntry("DTSTAMP", "20261101T080000Z");
        assertThat(unescape(events.get(0).get("SUMMARY"))).isEqualTo(longName);
        assertThat(unescape(events.get(0).get("DESCRIPTION"))).isEqualTo("line one\nline two");
    }

    @Test
    void aSerialWithALoneCarriageReturnCannotStartAnEventOfItsOwn() {
        String serial = "SN-1\rBEGIN:VEVENT\rSUMMARY:forged\u0000\u000b";
        String ics = IcsCalendar.write("lab", List.of(new IcsCalendar.Event("instrument-7-20261120@metrolims",
                LocalDate.of(2026, 11, 20), "Calibration due: " + serial, "Serial " + serial)),
                Instant.parse("2026-11-01T08:00:00Z"));

        // no bare CR anywhere: every CR is part of a CRLF line ending, and no control character but those
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n")
                .doesNotContain("\u0000").doesNotContain("\u000b");
        // however a reader splits lines (CR, LF or CRLF), the forged BEGIN:VEVENT is inside a value, not a line
        assertThat(ics.split("\r\n|\r|\n")).filteredOn(l -> l.equals("BEGIN:VEVENT")).hasSize(1);
        List<Map<String, String>> events = parse(ics);
        assertThat(events).hasSize(1);
        assertThat(unescape(events.get(0).get("DESCRIPTION"))).isEqualTo("Serial SN-1\nBEGIN:VEVENT\nSUMMARY:forged");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    /** A small RFC 5545 reader: unfold (CRLF + space), split name and value at the first unquoted colon. */
    private static List<Map<String, String>> parse(String ics) {
        String unfolded = ics.replace("\r\n ", "");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : unfolded.split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }

    private static String unescape(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

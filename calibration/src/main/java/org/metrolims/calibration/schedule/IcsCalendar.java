package org.metrolims.calibration.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Due dates as an iCalendar stream (RFC 5545), written by hand: one all-day VEVENT per item
 * (DTSTART;VALUE=DATE, DTEND the next day, 3.6.1 and 3.8.2.2), a stable UID per item and due date so a
 * re-import updates rather than duplicates, TEXT values escaped (3.3.11), lines folded at 75 octets
 * (3.1) and ended with CRLF.
 */
public final class IcsCalendar {

    /** One event. */
    public record Event(String uid, LocalDate date, String summary, String description) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IcsCalendar() {
    }

    public static String write(String calendarName, List<Event> events, Instant stamp) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//MetroLIMS//Calibration schedule//EN");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "X-WR-CALNAME:" + text(calendarName));
        for (Event e : events) {
            line(sb, "BEGIN:VEVENT");
            line(sb, "UID:" + text(e.uid()));
            line(sb, "DTSTAMP:" + STAMP.format(stamp));
            line(sb, "DTSTART;VALUE=DATE:" + DATE.format(e.date()));
            line(sb, "DTEND;VALUE=DATE:" + DATE.format(e.date().plusDays(1)));
            line(sb, "SUMMARY:" + text(e.summary()));
            line(sb, "DESCRIPTION:" + text(e.description()));
            line(sb, "TRANSP:TRANSPARENT");
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    /**
     * RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped — CRLF, a lone LF and a lone CR each as
     * {@code \n} — and every other control character dropped (TEXT allows none but HTAB), so that no value, a serial
     * number typed with a stray CR included, can end its content line and start a property or component of its own.
     */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    sb.append("\\n");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\t' -> sb.append(c);
                default -> {
                    if (!Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** RFC 5545 3.1: content lines of at most 75 octets, continued with CRLF + one space, never splitting a character. */
    private static void line(StringBuilder sb, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                sb.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}

package org.metrolims.db.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    @Test
    void writesFieldsInOrderWithTheirJsonTypes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", 7L);
        fields.put("value", new BigDecimal("10.020"));
        fields.put("late", true);
        fields.put("on", LocalDate.of(2026, 3, 1));
        fields.put("status", Thread.State.NEW);
        fields.put("reason", null);
        assertThat(AuditJson.object(fields))
                .isEqualTo("{\"id\":7,\"value\":10.020,\"late\":true,\"on\":\"2026-03-01\",\"status\":\"NEW\",\"reason\":null}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(AuditJson.object(Map.of("remark", "a \"b\" \\ c\nd\u0001 量值")))
                .isEqualTo("{\"remark\":\"a \\\"b\\\" \\\\ c\\nd\\u0001 量值\"}");
    }

    @Test
    void writesNonFiniteNumbersAsNullSoTheLineStaysValidJson() {
        assertThat(AuditJson.object(Map.of("readings", Arrays.asList(1.5, Double.NaN, Double.POSITIVE_INFINITY))))
                .isEqualTo("{\"readings\":[1.5,null,null]}");
    }

    @Test
    void nestsListsOfObjects() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("seq", 1);
        point.put("unit", "mm");
        assertThat(AuditJson.object(Map.of("points", List.of(point, Map.of()))))
                .isEqualTo("{\"points\":[{\"seq\":1,\"unit\":\"mm\"},{}]}");
    }
}

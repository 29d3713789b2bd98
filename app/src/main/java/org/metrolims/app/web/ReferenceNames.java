package org.metrolims.app.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.metrolims.db.PageRequest;
import org.metrolims.db.reference.Discipline;
import org.metrolims.db.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * The names of the disciplines and quantities of the reference data, for {@link Labels}: a page that holds a
 * discipline's or quantity's code shows its name. Read once and again after five minutes, so a name an administrator
 * adds appears without a restart and a page never waits for reference data it has just read.
 */
@Component
public class ReferenceNames {

    private static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final ReferenceData reference;
    private volatile Snapshot snapshot;

    public ReferenceNames(ReferenceData reference) {
        this.reference = reference;
    }

    /** The name of the code of that kind ({@code Discipline} or {@code Quantity}) in the language, if known. */
    Optional<String> name(String kind, String code, Locale locale) {
        if (reference == null || !(kind.equals("Discipline") || kind.equals("Quantity"))) {
            return Optional.empty();
        }
        Snapshot s = snapshot;
        if (s == null || s.readAt.plus(FRESH_FOR).isBefore(Instant.now())) {
            s = read();
            snapshot = s;
        }
        String[] names = (kind.equals("Discipline") ? s.disciplines : s.quantities).get(code);
        return names == null ? Optional.empty()
                : Optional.ofNullable(locale.getLanguage().equals("zh") ? names[0] : names[1]);
    }

    private Snapshot read() {
        Map<String, String[]> d = new HashMap<>();
        Map<String, String[]> q = new HashMap<>();
        for (Discipline discipline : reference.disciplines(new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            d.put(discipline.code(), new String[] {discipline.nameZh(), discipline.nameEn()});
            for (Discipline.Quantity quantity : discipline.quantities()) {
                q.put(quantity.code(), new String[] {quantity.nameZh(), quantity.nameEn()});
            }
        }
        return new Snapshot(Instant.now(), Map.copyOf(d), Map.copyOf(q));
    }

    /** No reference data (a test of the labels alone): every name comes from the bundles. */
    static ReferenceNames none() {
        return new ReferenceNames(null);
    }

    private record Snapshot(Instant readAt, Map<String, String[]> disciplines, Map<String, String[]> quantities) {
    }
}

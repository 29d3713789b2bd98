package org.metrolims.calibration.traceability.scheme;

import java.util.Objects;
import java.util.Optional;

/**
 * One level of a verification scheme (检定系统表), with the band of expanded uncertainty that belongs there.
 *
 * <p>The band is half-open, {@code (low, high]}: an uncertainty exactly on the upper limit belongs to this level, as
 * a scheme's "U ≤ limit" says; the top level has {@code low = 0}. A {@link BandKind#RELATIVE} band compares U over
 * the upper end of the standard's range; an {@link BandKind#ABSOLUTE} band compares U converted into {@code unit}.
 *
 * @param tier          1 for the national primary standard, growing downwards
 * @param accuracyClass the accuracy class (等级, e.g. E2, 0.02级) by which a standard claims this level, if any
 */
public record SchemeLevel(long id, int tier, String code, String nameZh, String nameEn, BandKind kind, double low,
        double high, Optional<String> unit, Optional<String> accuracyClass) {

    /** How a level's band is stated. */
    public enum BandKind { RELATIVE, ABSOLUTE }

    public SchemeLevel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (!(low >= 0 && low < high)) {
            throw new IllegalArgumentException("level " + code + ": band (" + low + ", " + high + "] is empty");
        }
        if (kind == BandKind.ABSOLUTE && unit.filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("level " + code + ": an absolute band needs a unit");
        }
    }
}

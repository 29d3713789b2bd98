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
 * <p>An absolute band may grow with the nominal length, as gauge blocks, line scales and tapes state it:
 * U = a + b·L ("(0.02 + 0.2L) µm, L in m"). Its limits are then {@code low + lowPerLength·L} and
 * {@code high + highPerLength·L}, in {@code unit}, with L in {@code lengthUnit} ({@link #lowAt}, {@link #highAt}).
 *
 * @param tier          1 for the national primary standard, growing downwards
 * @param low           the lower limit, or its constant term a for a length-dependent band
 * @param high          the upper limit, or its constant term a
 * @param accuracyClass the accuracy class (等级, e.g. E2, 0.02级) by which a standard claims this level, if any
 * @param lowPerLength  the lower limit's length coefficient b (per {@code lengthUnit}); 0 when not length-dependent
 * @param highPerLength the upper limit's length coefficient b; 0 when not length-dependent
 * @param lengthUnit    the unit of L in a length-dependent band (e.g. m)
 */
public record SchemeLevel(long id, int tier, String code, String nameZh, String nameEn, BandKind kind, double low,
        double high, Optional<String> unit, Optional<String> accuracyClass, double lowPerLength, double highPerLength,
        Optional<String> lengthUnit) {

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
        if (lowPerLength != 0 || highPerLength != 0) {
            if (kind != BandKind.ABSOLUTE || lengthUnit.filter(u -> !u.isBlank()).isEmpty()) {
                throw new IllegalArgumentException("level " + code
                        + ": a length-dependent band is absolute and needs the unit of L");
            }
            if (!(lowPerLength >= 0 && lowPerLength <= highPerLength)) {
                throw new IllegalArgumentException("level " + code + ": band (" + low + " + " + lowPerLength + "L, "
                        + high + " + " + highPerLength + "L] is empty for some L");
            }
        }
    }

    /** A band that does not depend on length. */
    public SchemeLevel(long id, int tier, String code, String nameZh, String nameEn, BandKind kind, double low,
            double high, Optional<String> unit, Optional<String> accuracyClass) {
        this(id, tier, code, nameZh, nameEn, kind, low, high, unit, accuracyClass, 0, 0, Optional.empty());
    }

    /** Whether the band is U = a + b·L. */
    public boolean lengthDependent() {
        return lowPerLength != 0 || highPerLength != 0;
    }

    /** The lower limit for a nominal length {@code length} in {@link #lengthUnit}. */
    public double lowAt(double length) {
        return low + lowPerLength * length;
    }

    /** The upper limit for a nominal length {@code length} in {@link #lengthUnit}. */
    public double highAt(double length) {
        return high + highPerLength * length;
    }
}

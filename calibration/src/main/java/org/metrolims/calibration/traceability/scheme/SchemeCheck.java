package org.metrolims.calibration.traceability.scheme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.metrolims.calibration.traceability.scheme.SchemeLevel.BandKind;

/**
 * Whether a standard sits where its uncertainty says it should in its quantity's verification scheme (国家计量检定系统表,
 * JJF 1104 "国家计量检定系统表编写规则": each level is verified or calibrated by the level above it, with the
 * uncertainty the table gives for that level). Pure Java.
 *
 * <p>The rule, for a standard of a quantity that has a scheme:
 * <ol>
 *   <li>its uncertainty places it: the level whose band {@code (low, high]} contains its expanded uncertainty (relative
 *       to the upper end of its range, or converted into the band's unit), compared with a relative tolerance of
 *       {@value #EDGE_TOLERANCE} so that a value exactly on an edge after unit conversion stays on that edge;</li>
 *   <li>it claims a level explicitly, or by its accuracy class; a claim that differs from the level its uncertainty
 *       places it at, or an uncertainty outside every band, is {@link SchemeVerdict#MISPLACED};</li>
 *   <li>without an uncertainty it sits at the level it claims;</li>
 *   <li>every reference standard of the same scheme must sit at a strictly higher level (smaller tier), else
 *       {@link SchemeVerdict#REFERENCE_NOT_HIGHER}. References of another quantity are not compared, and external
 *       roots (the NMI, NMIs under the CIPM MRA) are above every level.</li>
 * </ol>
 *
 * <p>A length-dependent band, U = a + b·L (gauge blocks, line scales, tapes: "(0.02 + 0.2L) µm, L in m"), is
 * evaluated at the <em>upper end of the standard's range</em>, converted into the band's unit of L through
 * {@link org.metrolims.calibration.unit.MeasurementUnits}: a standard claims one U for its whole range, and the
 * scheme's requirement is loosest at its longest length, so the upper end is where a standard whose stated U covers
 * its range must fit (a 100 mm block with U = 0.07 µm against a 0.05 + 0.5L band: the limit at L = 0.1 m is 0.10
 * µm, and it fits). A standard whose range has no upper end, or is not a length, cannot be placed by such a band.
 */
public final class SchemeCheck {

    /** Relative slack on band edges, for floating-point noise of unit conversion (not a metrological margin). */
    static final double EDGE_TOLERANCE = 1e-9;

    private final Map<String, VerificationScheme> byQuantity = new HashMap<>();

    public SchemeCheck(Collection<VerificationScheme> schemes) {
        schemes.forEach(s -> byQuantity.put(s.quantityCode(), s));
    }

    public Optional<VerificationScheme> schemeFor(String quantityCode) {
        return Optional.ofNullable(byQuantity.get(quantityCode));
    }

    /** What the standard's own data say: the level its uncertainty gives, the level it claims, and why not. */
    record Placement(Optional<SchemeLevel> byUncertainty, boolean outsideEveryBand, Optional<SchemeLevel> claimed,
            Optional<String> problem) {

        Optional<SchemeLevel> effective() {
            return byUncertainty.or(() -> claimed);
        }
    }

    /** The verdict on a standard, given the reference standards its equipment's current calibrations used. */
    public SchemeStanding check(SchemeSubject s, List<SchemeSubject> references) {
        Optional<VerificationScheme> found = schemeFor(s.quantityCode());
        if (found.isEmpty()) {
            return new SchemeStanding(s.standardId(), SchemeVerdict.NO_SCHEME, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                    "no verification scheme for quantity " + s.quantityCode());
        }
        VerificationScheme scheme = found.get();
        Placement p = place(scheme, s);
        Optional<SchemeLevel> level = p.effective();
        Optional<String> claimed = p.claimed().map(SchemeLevel::code);
        List<String> notHigher = new ArrayList<>();
        if (level.isPresent()) {
            for (SchemeSubject r : references) {
                if (!r.quantityCode().equals(s.quantityCode())) {
                    continue;
                }
                place(scheme, r).effective().filter(rl -> rl.tier() >= level.get().tier())
                        .ifPresent(rl -> notHigher.add(r.code()));
            }
        }
        Optional<String> code = level.map(SchemeLevel::code);
        Optional<Integer> tier = level.map(SchemeLevel::tier);
        if (p.outsideEveryBand()) {
            return new SchemeStanding(s.standardId(), SchemeVerdict.MISPLACED, Optional.of(scheme.code()), code,
                    tier, claimed, Optional.empty(), notHigher,
                    "its uncertainty falls in no level of " + scheme.code());
        }
        if (p.byUncertainty().isPresent() && p.claimed().isPresent()
                && p.byUncertainty().get().tier() != p.claimed().get().tier()) {
            return new SchemeStanding(s.standardId(), SchemeVerdict.MISPLACED, Optional.of(scheme.code()), code,
                    tier, claimed, code, notHigher, "claims " + p.claimed().get().code()
                            + " but its uncertainty belongs to " + p.byUncertainty().get().code());
        }
        if (level.isEmpty()) {
            return new SchemeStanding(s.standardId(), SchemeVerdict.NO_SCHEME, Optional.of(scheme.code()),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                    p.problem().orElse("nothing to place it by: no uncertainty and no claimed level"));
        }
        if (!notHigher.isEmpty()) {
            return new SchemeStanding(s.standardId(), SchemeVerdict.REFERENCE_NOT_HIGHER, Optional.of(scheme.code()),
                    code, tier, claimed, Optional.empty(), notHigher,
                    "reference(s) " + String.join(", ", notHigher) + " not above " + level.get().code());
        }
        return new SchemeStanding(s.standardId(), SchemeVerdict.OK, Optional.of(scheme.code()), code, tier, claimed,
                Optional.empty(), List.of(), "at " + level.get().code() + " of " + scheme.code());
    }

    Placement place(VerificationScheme scheme, SchemeSubject s) {
        Optional<SchemeLevel> claimed = s.claimedLevelId().flatMap(scheme::level)
                .or(() -> s.accuracyClass().flatMap(c -> byClass(scheme, c)));
        if (s.expandedUncertainty().isEmpty()) {
            return new Placement(Optional.empty(), false, claimed, Optional.empty());
        }
        double u = s.expandedUncertainty().getAsDouble();
        Optional<String> problem = Optional.empty();
        boolean comparable = false;
        for (SchemeLevel l : scheme.levels()) {
            OptionalDouble v = value(l, s, u);
            if (v.isEmpty()) {
                problem = Optional.of(l.kind() == BandKind.RELATIVE
                        ? "no range to relate its uncertainty to"
                        : "its unit " + s.unit() + " cannot be converted to " + l.unit().orElse("?"));
                continue;
            }
            OptionalDouble length = OptionalDouble.of(0);
            if (l.lengthDependent()) {
                length = nominalLength(l, s);
                if (length.isEmpty()) {
                    problem = Optional.of("the upper end of its range cannot be read as a length in "
                            + l.lengthUnit().orElse("?"));
                    continue;
                }
            }
            comparable = true;
            double at = length.getAsDouble();
            if (within(v.getAsDouble(), l.lowAt(at), l.highAt(at))) {
                return new Placement(Optional.of(l), false, claimed, Optional.empty());
            }
        }
        return new Placement(Optional.empty(), comparable, claimed, problem);
    }

    /** The standard's uncertainty as the level's band states it. */
    private static OptionalDouble value(SchemeLevel l, SchemeSubject s, double u) {
        if (l.kind() == BandKind.RELATIVE) {
            if (s.rangeHigh().isEmpty() || s.rangeHigh().getAsDouble() == 0.0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(u / Math.abs(s.rangeHigh().getAsDouble()));
        }
        return SchemeUnits.convertDifference(u, s.unit(), l.unit().orElseThrow());
    }

    /** The nominal length L at which a length-dependent band is evaluated: the upper end of the standard's range, in
     *  the band's unit of L; empty without a range or when the standard's unit is not a length. */
    static OptionalDouble nominalLength(SchemeLevel l, SchemeSubject s) {
        if (s.rangeHigh().isEmpty()) {
            return OptionalDouble.empty();
        }
        return SchemeUnits.convertDifference(Math.abs(s.rangeHigh().getAsDouble()), s.unit(),
                l.lengthUnit().orElseThrow());
    }

    static boolean within(double v, SchemeLevel l) {
        return within(v, l.low(), l.high());
    }

    static boolean within(double v, double low, double high) {
        return v > low * (1 + EDGE_TOLERANCE) && v <= high * (1 + EDGE_TOLERANCE);
    }

    private static Optional<SchemeLevel> byClass(VerificationScheme scheme, String accuracyClass) {
        String c = normalise(accuracyClass);
        return scheme.levels().stream().filter(l -> l.accuracyClass().map(SchemeCheck::normalise)
                .filter(c::equals).isPresent()).findFirst();
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}

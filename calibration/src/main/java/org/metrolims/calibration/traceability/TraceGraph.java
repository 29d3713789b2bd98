package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The traceability graph in memory: standards (with their status history and assessment certificates), the
 * instruments that make up each standard's equipment, those instruments' calibrations and the reference
 * standards each calibration used. Built once (by {@link TraceabilityRepository} in a few set-based queries, or by
 * hand in tests) and then read by {@link ChainAnalyzer} without touching the database.
 */
public final class TraceGraph {

    /** A measurement standard as the chain analysis needs it. */
    public record StandardNode(long id, String code, String level, long quantityId, String unit,
            OptionalDouble expandedUncertainty, List<StatusChange> statuses, List<Validity> certificates) {

        public StandardNode {
            Objects.requireNonNull(code, "code");
            statuses = statuses.stream().sorted(Comparator.comparing(StatusChange::from)).toList();
            certificates = List.copyOf(certificates);
        }

        /** The status in force on {@code date}: the latest change effective on or before it. */
        public Optional<String> statusOn(LocalDate date) {
            String status = null;
            for (StatusChange c : statuses) {
                if (!c.from().isAfter(date)) {
                    status = c.status();
                }
            }
            return Optional.ofNullable(status);
        }

        /** Whether an assessment certificate (计量标准考核证书) is valid on {@code date}, both ends included. */
        public boolean certifiedOn(LocalDate date) {
            for (Validity v : certificates) {
                if (v.contains(date)) {
                    return true;
                }
            }
            return false;
        }

        /** DESIGN.md: a standard <em>counts</em> on a date when its certificate is valid and its status is active. */
        public boolean countsOn(LocalDate date) {
            return certifiedOn(date) && statusOn(date).filter("ACTIVE"::equals).isPresent();
        }

        /** A national primary standard is a root of every chain it stands in. */
        public boolean nationalPrimary() {
            return "NATIONAL".equals(level);
        }
    }

    public record StatusChange(String status, LocalDate from) {
    }

    /** A period from {@code from} to {@code until}, both days included. */
    public record Validity(LocalDate from, LocalDate until) {
        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(until);
        }
    }

    /**
     * An approved calibration of one item of a standard's equipment. Either performed in the province with the
     * reference standards it names, or external (an NMI's or another issuer's certificate), which makes it a root.
     */
    public record CalibrationLink(long id, String number, long instrumentId, LocalDate calibratedOn,
            Optional<LocalDate> validUntil, List<Long> referenceStandardIds, Optional<String> externalIssuer,
            Optional<String> externalCertificateNo, Optional<String> cmcReference) {

        public CalibrationLink {
            referenceStandardIds = List.copyOf(referenceStandardIds);
        }

        public boolean external() {
            return externalIssuer.isPresent();
        }

        /** Valid on {@code date}: done on or before it and not expired before it (the last valid day counts). */
        public boolean validOn(LocalDate date) {
            return !calibratedOn.isAfter(date) && validUntil.map(u -> !u.isBefore(date)).orElse(false);
        }
    }

    private final Map<Long, StandardNode> standards;
    private final Map<Long, List<Long>> equipment;
    private final Map<Long, List<CalibrationLink>> calibrationsByInstrument;
    private final Map<String, RootKind> recognisedRoots;

    /** What makes an external issuer a root of traceability. */
    public enum RootKind {
        /** the national metrology institute (for China: NIM), holder of the national primary standards */
        NATIONAL_METROLOGY_INSTITUTE,
        /** another NMI signatory of the CIPM MRA; its certificate must cite the CMC (KCDB) it was issued under */
        CIPM_MRA_NMI
    }

    /**
     * @param standards       every standard that can appear in a chain
     * @param equipment       standard id → the instrument ids of its equipment
     * @param calibrations    the approved calibrations of those instruments
     * @param recognisedRoots issuers recognised as roots (the national metrology institute and the NMIs under the
     *                        CIPM MRA), compared case-insensitively after trimming
     */
    public TraceGraph(Iterable<StandardNode> standards, Map<Long, List<Long>> equipment,
            Iterable<CalibrationLink> calibrations, Map<String, RootKind> recognisedRoots) {
        this.standards = new HashMap<>();
        standards.forEach(s -> this.standards.put(s.id(), s));
        this.equipment = new HashMap<>();
        equipment.forEach((k, v) -> this.equipment.put(k, List.copyOf(v)));
        this.calibrationsByInstrument = new HashMap<>();
        for (CalibrationLink c : calibrations) {
            calibrationsByInstrument.computeIfAbsent(c.instrumentId(), k -> new ArrayList<>()).add(c);
        }
        Comparator<CalibrationLink> order = Comparator.comparing(CalibrationLink::calibratedOn)
                .thenComparingLong(CalibrationLink::id);
        calibrationsByInstrument.values().forEach(list -> list.sort(order));
        this.recognisedRoots = new HashMap<>();
        recognisedRoots.forEach((k, v) -> this.recognisedRoots.put(normalise(k), v));
    }

    public Optional<StandardNode> standard(long id) {
        return Optional.ofNullable(standards.get(id));
    }

    public java.util.Collection<StandardNode> standards() {
        return Collections.unmodifiableCollection(standards.values());
    }

    public List<Long> equipmentOf(long standardId) {
        return equipment.getOrDefault(standardId, List.of());
    }

    /** The instrument's calibrations in the graph, in (day, id) order. */
    List<CalibrationLink> calibrationsOf(long instrumentId) {
        return Collections.unmodifiableList(calibrationsByInstrument.getOrDefault(instrumentId, List.of()));
    }

    /** The latest calibration of the instrument done on or before {@code date}. */
    public Optional<CalibrationLink> latestCalibration(long instrumentId, LocalDate date) {
        List<CalibrationLink> list = calibrationsByInstrument.getOrDefault(instrumentId, List.of());
        // binary search for the last calibratedOn <= date
        int lo = 0;
        int hi = list.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!list.get(mid).calibratedOn().isAfter(date)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(list.get(found));
    }

    /**
     * Whether the issuer is a recognised root (national metrology institute, or an NMI under the CIPM MRA). An NMI
     * other than the national one must also cite its CMC (KCDB) reference.
     */
    public boolean recognisedRoot(CalibrationLink c) {
        RootKind kind = c.externalIssuer().map(TraceGraph::normalise).map(recognisedRoots::get).orElse(null);
        if (kind == null) {
            return false;
        }
        return kind == RootKind.NATIONAL_METROLOGY_INSTITUTE || c.cmcReference().filter(r -> !r.isBlank()).isPresent();
    }

    private static String normalise(String issuer) {
        return issuer.trim().toLowerCase(java.util.Locale.ROOT);
    }
}

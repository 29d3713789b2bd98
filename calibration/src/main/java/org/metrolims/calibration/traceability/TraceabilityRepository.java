package org.metrolims.calibration.traceability;

import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.RECOGNISED_ROOT_ISSUER;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jooq.DSLContext;
import org.metrolims.calibration.traceability.TraceGraph.CalibrationLink;
import org.metrolims.calibration.traceability.TraceGraph.RootKind;
import org.metrolims.calibration.traceability.TraceGraph.StandardNode;
import org.metrolims.calibration.traceability.TraceGraph.StatusChange;
import org.metrolims.calibration.traceability.TraceGraph.Validity;
import org.springframework.stereotype.Repository;

/**
 * Loads the traceability graph as of a date in seven set-based statements (standards, status history,
 * certificates, equipment, equipment calibrations, their references, recognised roots), whatever the size of the
 * province; and the calibrations a standard was used in, for the recall impact list.
 */
@Repository
class TraceabilityRepository {

    private static final String APPROVED = "APPROVED";

    private final DSLContext dsl;

    public TraceabilityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Everything known on {@code asOf}: history, certificates and approved calibrations up to that day. */
    public TraceGraph graphAsOf(LocalDate asOf) {
        var s = MEASUREMENT_STANDARD;
        var h = MEASUREMENT_STANDARD_STATUS;
        var a = STANDARD_ASSESSMENT_CERTIFICATE;
        var i = INSTRUMENT;
        var c = CALIBRATION;
        var r = CALIBRATION_REFERENCE_STANDARD;

        Map<Long, List<StatusChange>> statuses = new HashMap<>();
        dsl.select(h.STANDARD_ID, h.STATUS, h.EFFECTIVE_FROM).from(h).where(h.EFFECTIVE_FROM.le(asOf))
                .orderBy(h.STANDARD_ID, h.EFFECTIVE_FROM, h.ID)
                .forEach(x -> statuses.computeIfAbsent(x.get(h.STANDARD_ID), k -> new ArrayList<>())
                        .add(new StatusChange(x.get(h.STATUS), x.get(h.EFFECTIVE_FROM))));
        Map<Long, List<Validity>> certificates = new HashMap<>();
        dsl.select(a.STANDARD_ID, a.ISSUED_ON, a.EXPIRES_ON).from(a).where(a.ISSUED_ON.le(asOf))
                .forEach(x -> certificates.computeIfAbsent(x.get(a.STANDARD_ID), k -> new ArrayList<>())
                        .add(new Validity(x.get(a.ISSUED_ON), x.get(a.EXPIRES_ON))));
        List<StandardNode> standards = dsl.select(s.ID, s.CODE, s.LEVEL, s.QUANTITY_ID, s.UNIT, s.EXPANDED_UNCERTAINTY)
                .from(s)
                .fetch(x -> new StandardNode(x.get(s.ID), x.get(s.CODE), x.get(s.LEVEL), x.get(s.QUANTITY_ID),
                        x.get(s.UNIT), optional(x.get(s.EXPANDED_UNCERTAINTY)), statuses.getOrDefault(x.get(s.ID),
                        List.of()), certificates.getOrDefault(x.get(s.ID), List.of())));
        Map<Long, List<Long>> equipment = new HashMap<>();
        dsl.select(i.MEASUREMENT_STANDARD_ID, i.ID).from(i).where(i.MEASUREMENT_STANDARD_ID.isNotNull())
                .orderBy(i.ID)
                .forEach(x -> equipment.computeIfAbsent(x.get(i.MEASUREMENT_STANDARD_ID),
                        k -> new ArrayList<>()).add(x.get(i.ID)));
        var equipmentCalibration = c.STATUS.eq(APPROVED).and(c.CALIBRATED_ON.le(asOf))
                .and(i.MEASUREMENT_STANDARD_ID.isNotNull());
        Map<Long, List<Long>> references = new HashMap<>();
        // driven from the equipment (a few thousand instruments) through the calibration and reference indexes,
        // never from the hundreds of thousands of customers' calibrations
        dsl.select(r.CALIBRATION_ID, r.MEASUREMENT_STANDARD_ID).from(i)
                .straightJoin(c).on(c.INSTRUMENT_ID.eq(i.ID))
                .straightJoin(r).on(r.CALIBRATION_ID.eq(c.ID))
                .where(equipmentCalibration)
                .orderBy(r.CALIBRATION_ID, r.MEASUREMENT_STANDARD_ID)
                .forEach(x -> references.computeIfAbsent(x.get(r.CALIBRATION_ID),
                        k -> new ArrayList<>()).add(x.get(r.MEASUREMENT_STANDARD_ID)));
        List<CalibrationLink> calibrations = dsl.select(c.ID, c.CALIBRATION_NO, c.INSTRUMENT_ID, c.CALIBRATED_ON,
                        c.VALID_UNTIL, c.EXTERNAL_ISSUER, c.EXTERNAL_CERTIFICATE_NO, c.EXTERNAL_CMC_REFERENCE)
                .from(i).straightJoin(c).on(c.INSTRUMENT_ID.eq(i.ID))
                .where(equipmentCalibration)
                .fetch(x -> new CalibrationLink(x.get(c.ID), x.get(c.CALIBRATION_NO), x.get(c.INSTRUMENT_ID),
                        x.get(c.CALIBRATED_ON), Optional.ofNullable(x.get(c.VALID_UNTIL)),
                        references.getOrDefault(x.get(c.ID), List.of()), Optional.ofNullable(x.get(c.EXTERNAL_ISSUER)),
                        Optional.ofNullable(x.get(c.EXTERNAL_CERTIFICATE_NO)),
                        Optional.ofNullable(x.get(c.EXTERNAL_CMC_REFERENCE))));
        return new TraceGraph(standards, equipment, calibrations, roots());
    }

    /**
     * Only what one standard's chain needs, level by level upwards: the standards on the frontier with their
     * history and certificates, their equipment, its approved calibrations up to {@code asOf} and the references
     * those name, which make the next frontier. Five statements per level, a handful of levels.
     */
    public TraceGraph subgraphAsOf(long standardId, LocalDate asOf) {
        return subgraphAsOf(List.of(standardId), asOf);
    }

    /**
     * The union of several standards' subgraphs, walked together level by level (so a certificate's reference
     * standards cost the statements of one walk, and a standard they share is read once).
     */
    public TraceGraph subgraphAsOf(Collection<Long> standardIds, LocalDate asOf) {
        if (standardIds.isEmpty()) {
            return new TraceGraph(List.of(), Map.of(), List.of(), Map.of());
        }
        var s = MEASUREMENT_STANDARD;
        var h = MEASUREMENT_STANDARD_STATUS;
        var a = STANDARD_ASSESSMENT_CERTIFICATE;
        var i = INSTRUMENT;
        var c = CALIBRATION;
        var r = CALIBRATION_REFERENCE_STANDARD;
        List<StandardNode> standards = new ArrayList<>();
        Map<Long, List<Long>> equipment = new HashMap<>();
        List<CalibrationLink> calibrations = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.Set<Long> frontier = new java.util.HashSet<>(standardIds);
        while (!frontier.isEmpty()) {
            seen.addAll(frontier);
            Map<Long, List<StatusChange>> statuses = new HashMap<>();
            dsl.select(h.STANDARD_ID, h.STATUS, h.EFFECTIVE_FROM).from(h)
                    .where(h.STANDARD_ID.in(frontier)).and(h.EFFECTIVE_FROM.le(asOf))
                    .orderBy(h.STANDARD_ID, h.EFFECTIVE_FROM, h.ID)
                    .forEach(x -> statuses.computeIfAbsent(x.get(h.STANDARD_ID), k -> new ArrayList<>())
                            .add(new StatusChange(x.get(h.STATUS), x.get(h.EFFECTIVE_FROM))));
            Map<Long, List<Validity>> certificates = new HashMap<>();
            dsl.select(a.STANDARD_ID, a.ISSUED_ON, a.EXPIRES_ON).from(a)
                    .where(a.STANDARD_ID.in(frontier)).and(a.ISSUED_ON.le(asOf))
                    .forEach(x -> certificates.computeIfAbsent(x.get(a.STANDARD_ID), k -> new ArrayList<>())
                            .add(new Validity(x.get(a.ISSUED_ON), x.get(a.EXPIRES_ON))));
            dsl.select(s.ID, s.CODE, s.LEVEL, s.QUANTITY_ID, s.UNIT, s.EXPANDED_UNCERTAINTY).from(s)
                    .where(s.ID.in(frontier))
                    .forEach(x -> standards.add(new StandardNode(x.get(s.ID), x.get(s.CODE), x.get(s.LEVEL),
                            x.get(s.QUANTITY_ID), x.get(s.UNIT), optional(x.get(s.EXPANDED_UNCERTAINTY)),
                            statuses.getOrDefault(x.get(s.ID), List.of()), certificates.getOrDefault(x.get(s.ID),
                            List.of()))));
            dsl.select(i.MEASUREMENT_STANDARD_ID, i.ID).from(i).where(i.MEASUREMENT_STANDARD_ID.in(frontier))
                    .orderBy(i.ID)
                    .forEach(x -> equipment.computeIfAbsent(x.get(i.MEASUREMENT_STANDARD_ID),
                            k -> new ArrayList<>()).add(x.get(i.ID)));
            var onFrontier = c.STATUS.eq(APPROVED).and(c.CALIBRATED_ON.le(asOf))
                    .and(i.MEASUREMENT_STANDARD_ID.in(frontier));
            Map<Long, List<Long>> references = new HashMap<>();
            // driven from the frontier's equipment: joined from the reference table, the optimizer may scan all of
            // it (every customer's calibration) when its statistics lag a bulk load, half a second a level
            dsl.select(r.CALIBRATION_ID, r.MEASUREMENT_STANDARD_ID).from(i)
                    .straightJoin(c).on(c.INSTRUMENT_ID.eq(i.ID)).straightJoin(r).on(r.CALIBRATION_ID.eq(c.ID))
                    .where(onFrontier)
                    .orderBy(r.CALIBRATION_ID, r.MEASUREMENT_STANDARD_ID)
                    .forEach(x -> references.computeIfAbsent(x.get(r.CALIBRATION_ID),
                            k -> new ArrayList<>()).add(x.get(r.MEASUREMENT_STANDARD_ID)));
            dsl.select(c.ID, c.CALIBRATION_NO, c.INSTRUMENT_ID, c.CALIBRATED_ON, c.VALID_UNTIL, c.EXTERNAL_ISSUER,
                            c.EXTERNAL_CERTIFICATE_NO, c.EXTERNAL_CMC_REFERENCE)
                    .from(c).join(i).on(i.ID.eq(c.INSTRUMENT_ID))
                    .where(onFrontier)
                    .forEach(x -> calibrations.add(new CalibrationLink(x.get(c.ID), x.get(c.CALIBRATION_NO),
                            x.get(c.INSTRUMENT_ID), x.get(c.CALIBRATED_ON), Optional.ofNullable(x.get(c.VALID_UNTIL)),
                            references.getOrDefault(x.get(c.ID), List.of()),
                            Optional.ofNullable(x.get(c.EXTERNAL_ISSUER)),
                            Optional.ofNullable(x.get(c.EXTERNAL_CERTIFICATE_NO)),
                            Optional.ofNullable(x.get(c.EXTERNAL_CMC_REFERENCE)))));
            java.util.Set<Long> next = new java.util.HashSet<>();
            references.values().forEach(next::addAll);
            next.removeAll(seen);
            frontier = next;
        }
        return new TraceGraph(standards, equipment, calibrations, roots());
    }

    /** Ids per statement in the narrow loads ({@code IN} lists), well under the driver's bind limit. */
    static final int IDS_PER_STATEMENT = 5000;

    /** Nodes with their status history up to {@code latest} and the certificates valid from {@code from} on. */
    private List<StandardNode> nodes(org.jooq.Condition which, Optional<LocalDate> from, LocalDate latest) {
        var s = MEASUREMENT_STANDARD;
        var h = MEASUREMENT_STANDARD_STATUS;
        var a = STANDARD_ASSESSMENT_CERTIFICATE;
        Map<Long, List<StatusChange>> statuses = new HashMap<>();
        dsl.select(h.STANDARD_ID, h.STATUS, h.EFFECTIVE_FROM).from(h).join(s).on(s.ID.eq(h.STANDARD_ID))
                .where(which).and(h.EFFECTIVE_FROM.le(latest))
                .orderBy(h.STANDARD_ID, h.EFFECTIVE_FROM, h.ID)
                .forEach(x -> statuses.computeIfAbsent(x.get(h.STANDARD_ID), k -> new ArrayList<>())
                        .add(new StatusChange(x.get(h.STATUS), x.get(h.EFFECTIVE_FROM))));
        Map<Long, List<Validity>> certificates = new HashMap<>();
        dsl.select(a.STANDARD_ID, a.ISSUED_ON, a.EXPIRES_ON).from(a).join(s).on(s.ID.eq(a.STANDARD_ID))
                .where(which).and(a.ISSUED_ON.le(latest))
                .and(from.map(a.EXPIRES_ON::ge).orElse(org.jooq.impl.DSL.noCondition()))
                .forEach(x -> certificates.computeIfAbsent(x.get(a.STANDARD_ID), k -> new ArrayList<>())
                        .add(new Validity(x.get(a.ISSUED_ON), x.get(a.EXPIRES_ON))));
        return dsl.select(s.ID, s.CODE, s.LEVEL, s.QUANTITY_ID, s.UNIT, s.EXPANDED_UNCERTAINTY).from(s).where(which)
                .fetch(x -> new StandardNode(x.get(s.ID), x.get(s.CODE), x.get(s.LEVEL), x.get(s.QUANTITY_ID),
                        x.get(s.UNIT), optional(x.get(s.EXPANDED_UNCERTAINTY)), statuses.getOrDefault(x.get(s.ID),
                        List.of()), certificates.getOrDefault(x.get(s.ID), List.of())));
    }

    /**
     * Only the part of the graph that the chains of some standards on some days read, loaded level by level
     * upwards. A chain of standard <i>s</i> on day <i>d</i> reads, for each item of <i>s</i>'s equipment, its latest
     * approved calibration done on or before <i>d</i> ({@link TraceGraph#latestCalibration}), and then each
     * reference standard that calibration names, on the calibration's own day. So each level reads, for the items
     * of its standards, the (day, id) of their approved calibrations — per item the latest one on or before the
     * level's earliest day (index look-ups by the server) and those after it up to the latest day asked (none for
     * a single day, the usual dashboard) — picks in memory the one each asked day
     * needs, loads those calibrations with their references, and goes on with the references on their days until
     * nothing new is asked. The graph holds, of each item, only calibrations some asked day picks; as none lies
     * between an asked day and the calibration it picks, every chain asked for reads in it exactly what it reads in
     * {@link #graphAsOf} for the latest day, and is judged the same. Other chains are not in it.
     *
     * @param chainsOf  standard id → the days its chain is asked about
     * @param known     standards already loaded as nodes (not loaded again), exact for days from {@code knownFrom}
     *                  (a node reached on an earlier day is reloaded whole); in the graph whether asked about or not
     * @param knownFrom the first day the known nodes are exact for
     */
    public TraceGraph graphFor(Map<Long, ? extends Collection<LocalDate>> chainsOf, Collection<StandardNode> known,
            LocalDate knownFrom) {
        Map<Long, StandardNode> nodes = new HashMap<>();
        known.forEach(n -> nodes.put(n.id(), n));
        java.util.Set<Long> whole = new java.util.HashSet<>();
        Map<Long, List<Long>> equipment = new HashMap<>();
        Map<Long, List<long[]>> history = new HashMap<>(); // instrument → (epoch day, id), in (day, id) order
        Map<Long, LocalDate> historyFrom = new HashMap<>(); // instrument → the first day its history serves
        Map<Long, CalibrationLink> calibrations = new HashMap<>();
        Map<Long, java.util.Set<LocalDate>> done = new HashMap<>();
        Map<Long, java.util.Set<LocalDate>> pending = new HashMap<>();
        chainsOf.forEach((id, days) -> {
            if (!days.isEmpty()) {
                pending.put(id, new java.util.HashSet<>(days));
            }
        });
        LocalDate latest = pending.values().stream().flatMap(Collection::stream).max(LocalDate::compareTo)
                .orElse(LocalDate.MIN);
        while (!pending.isEmpty()) {
            List<Long> reload = new ArrayList<>();
            for (var e : pending.entrySet()) {
                LocalDate first = java.util.Collections.min(e.getValue());
                if (!whole.contains(e.getKey())
                        && (!nodes.containsKey(e.getKey()) || first.isBefore(knownFrom))) {
                    reload.add(e.getKey());
                }
            }
            for (List<Long> part : chunks(reload)) {
                nodes(MEASUREMENT_STANDARD.ID.in(part), Optional.empty(), latest).forEach(n -> nodes.put(n.id(), n));
                whole.addAll(part);
            }
            List<Long> newStandards = pending.keySet().stream()
                    .filter(id -> nodes.containsKey(id) && !nodes.get(id).nationalPrimary()
                            && !equipment.containsKey(id))
                    .toList();
            for (List<Long> part : chunks(newStandards)) {
                loadEquipment(part, equipment);
            }
            // items whose history does not yet reach back to the first day asked of their standard
            List<Long> items = new ArrayList<>();
            LocalDate from = LocalDate.MAX;
            for (var e : pending.entrySet()) {
                LocalDate first = java.util.Collections.min(e.getValue());
                for (long item : equipment.getOrDefault(e.getKey(), List.of())) {
                    LocalDate have = historyFrom.get(item);
                    if (have == null || first.isBefore(have)) {
                        items.add(item);
                        from = min(from, first);
                    }
                }
            }
            items = items.stream().distinct().toList();
            for (List<Long> part : chunks(items)) {
                loadHistory(part, from, latest, history);
            }
            for (long item : items) {
                historyFrom.put(item, from);
            }
            // the calibration each asked day picks per item; their references on their days make the next level
            Map<Long, LocalDate> picked = new HashMap<>();
            Map<Long, java.util.Set<LocalDate>> asked = new HashMap<>();
            for (var e : pending.entrySet()) {
                java.util.Set<LocalDate> seen = done.computeIfAbsent(e.getKey(), k -> new java.util.HashSet<>());
                for (LocalDate day : e.getValue()) {
                    if (!seen.add(day)) {
                        continue;
                    }
                    asked.computeIfAbsent(e.getKey(), k -> new java.util.HashSet<>()).add(day);
                    for (long instrument : equipment.getOrDefault(e.getKey(), List.of())) {
                        long[] c = latest(history.getOrDefault(instrument, List.of()), day);
                        if (c != null) {
                            picked.put(c[1], LocalDate.ofEpochDay(c[0]));
                        }
                    }
                }
            }
            List<Long> toFetch = picked.keySet().stream().filter(id -> !calibrations.containsKey(id)).toList();
            for (List<Long> part : chunks(toFetch)) {
                loadCalibrations(part, calibrations);
            }
            Map<Long, java.util.Set<LocalDate>> next = new HashMap<>();
            for (long id : picked.keySet()) {
                CalibrationLink c = calibrations.get(id);
                for (long r : c.referenceStandardIds()) {
                    if (!done.getOrDefault(r, java.util.Set.of()).contains(c.calibratedOn())) {
                        next.computeIfAbsent(r, k -> new java.util.HashSet<>()).add(c.calibratedOn());
                    }
                }
            }
            pending.clear();
            pending.putAll(next);
        }
        return new TraceGraph(nodes.values(), equipment, calibrations.values(), roots());
    }

    /** The instruments that make up each standard's equipment, in id order (an empty list for none). */
    private void loadEquipment(List<Long> standards, Map<Long, List<Long>> equipment) {
        var i = INSTRUMENT;
        standards.forEach(s -> equipment.put(s, new ArrayList<>()));
        dsl.select(i.MEASUREMENT_STANDARD_ID, i.ID).from(i).where(i.MEASUREMENT_STANDARD_ID.in(standards))
                .orderBy(i.ID)
                .forEach(x -> equipment.get(x.get(i.MEASUREMENT_STANDARD_ID)).add(x.get(i.ID)));
    }

    /**
     * Per item, the (day, id) of its latest approved calibration done on or before {@code lo} — two look-ups per
     * item on the {@code (instrument_id, status, calibrated_on)} index, computed by the server — and, when
     * {@code hi} is later, of every one after {@code lo} up to {@code hi}; in (day, id) order.
     */
    private void loadHistory(List<Long> instruments, LocalDate lo, LocalDate hi, Map<Long, List<long[]>> history) {
        var i = INSTRUMENT;
        var c = CALIBRATION;
        var b = CALIBRATION.as("before_lo");
        instruments.forEach(x -> history.put(x, new ArrayList<>()));
        var day = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(org.jooq.impl.DSL.max(b.CALIBRATED_ON)).from(b)
                .where(b.INSTRUMENT_ID.eq(i.ID)).and(b.STATUS.eq(APPROVED)).and(b.CALIBRATED_ON.le(lo)));
        var id = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(b.ID).from(b)
                .where(b.INSTRUMENT_ID.eq(i.ID)).and(b.STATUS.eq(APPROVED)).and(b.CALIBRATED_ON.le(lo))
                .orderBy(b.CALIBRATED_ON.desc(), b.ID.desc()).limit(1));
        dsl.select(i.ID, day, id).from(i).where(i.ID.in(instruments))
                .forEach(x -> {
                    if (x.get(id) != null) {
                        history.get(x.get(i.ID)).add(new long[] {x.get(day).toEpochDay(), x.get(id)});
                    }
                });
        if (hi.isAfter(lo)) {
            dsl.select(c.INSTRUMENT_ID, c.CALIBRATED_ON, c.ID).from(c)
                    .where(c.INSTRUMENT_ID.in(instruments)).and(c.STATUS.eq(APPROVED))
                    .and(c.CALIBRATED_ON.gt(lo)).and(c.CALIBRATED_ON.le(hi))
                    .forEach(x -> history.get(x.get(c.INSTRUMENT_ID))
                            .add(new long[] {x.get(c.CALIBRATED_ON).toEpochDay(), x.get(c.ID)}));
            Comparator<long[]> order = Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]);
            instruments.forEach(x -> history.get(x).sort(order));
        }
    }

    /** The calibrations with the reference standards each names (in id order), one row per reference. */
    private void loadCalibrations(List<Long> ids, Map<Long, CalibrationLink> calibrations) {
        var c = CALIBRATION;
        var r = CALIBRATION_REFERENCE_STANDARD;
        Map<Long, List<Long>> references = new HashMap<>();
        Map<Long, CalibrationLink> found = new HashMap<>();
        dsl.select(c.ID, c.CALIBRATION_NO, c.INSTRUMENT_ID, c.CALIBRATED_ON, c.VALID_UNTIL, c.EXTERNAL_ISSUER,
                        c.EXTERNAL_CERTIFICATE_NO, c.EXTERNAL_CMC_REFERENCE, r.MEASUREMENT_STANDARD_ID)
                .from(c).leftJoin(r).on(r.CALIBRATION_ID.eq(c.ID))
                .where(c.ID.in(ids))
                .forEach(x -> {
                    found.computeIfAbsent(x.get(c.ID), id -> new CalibrationLink(id, x.get(c.CALIBRATION_NO),
                            x.get(c.INSTRUMENT_ID), x.get(c.CALIBRATED_ON), Optional.ofNullable(x.get(c.VALID_UNTIL)),
                            List.of(), Optional.ofNullable(x.get(c.EXTERNAL_ISSUER)),
                            Optional.ofNullable(x.get(c.EXTERNAL_CERTIFICATE_NO)),
                            Optional.ofNullable(x.get(c.EXTERNAL_CMC_REFERENCE))));
                    if (x.get(r.MEASUREMENT_STANDARD_ID) != null) {
                        references.computeIfAbsent(x.get(c.ID),
                                k -> new ArrayList<>()).add(x.get(r.MEASUREMENT_STANDARD_ID));
                    }
                });
        for (CalibrationLink f : found.values()) {
            List<Long> refs = references.getOrDefault(f.id(), new ArrayList<>());
            refs.sort(null);
            calibrations.put(f.id(), new CalibrationLink(f.id(), f.number(), f.instrumentId(), f.calibratedOn(),
                    f.validUntil(), refs, f.externalIssuer(), f.externalCertificateNo(), f.cmcReference()));
        }
    }

    /** The last (day, id) on or before {@code day} of a (day, id)-ordered history, as {@link TraceGraph} picks. */
    private static long[] latest(List<long[]> ordered, LocalDate day) {
        long epochDay = day.toEpochDay();
        long[] last = null;
        for (long[] c : ordered) {
            if (c[0] > epochDay) {
                break;
            }
            last = c;
        }
        return last;
    }

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            out.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)));
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private Map<String, RootKind> roots() {
        Map<String, RootKind> roots = new HashMap<>();
        dsl.select(RECOGNISED_ROOT_ISSUER.NAME, RECOGNISED_ROOT_ISSUER.KIND).from(RECOGNISED_ROOT_ISSUER)
                .forEach(x -> roots.put(x.get(RECOGNISED_ROOT_ISSUER.NAME),
                        RootKind.valueOf(x.get(RECOGNISED_ROOT_ISSUER.KIND))));
        return roots;
    }

    /** Owner organization of a standard, to check who may see it. */
    public Optional<Long> ownerOf(long standardId) {
        return dsl.select(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.eq(standardId))
                .fetchOptional(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID);
    }

    /** A standard's code. */
    public Optional<String> codeOf(long standardId) {
        return dsl.select(MEASUREMENT_STANDARD.CODE).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.eq(standardId)).fetchOptional(MEASUREMENT_STANDARD.CODE);
    }

    /**
     * The day after which a standard is suspect: the latest approved calibration of each item of its equipment that
     * found it in tolerance (as found), the earliest of those over its items. Empty when it has none.
     */
    public Optional<LocalDate> lastGoodCalibration(long standardId) {
        return lastGoodCalibration(standardId, LocalDate.MAX);
    }

    /**
     * As {@link #lastGoodCalibration(long)}, counting only calibrations done before {@code foundOutOn}, the day the
     * standard was found out of tolerance (that day's own calibration is the one that found it out).
     */
    public Optional<LocalDate> lastGoodCalibration(long standardId, LocalDate foundOutOn) {
        var c = CALIBRATION;
        var i = INSTRUMENT;
        var lastGood = org.jooq.impl.DSL.max(c.CALIBRATED_ON);
        var perItem = dsl.select(i.ID, lastGood)
                .from(i).join(c).on(c.INSTRUMENT_ID.eq(i.ID))
                .where(i.MEASUREMENT_STANDARD_ID.eq(standardId))
                .and(c.STATUS.eq(APPROVED))
                .and(c.AS_FOUND.isNull().or(c.AS_FOUND.ne("OUT_OF_TOLERANCE")))
                .and(foundOutOn.equals(LocalDate.MAX) ? org.jooq.impl.DSL.trueCondition()
                        : c.CALIBRATED_ON.lt(foundOutOn))
                .groupBy(i.ID)
                .fetch(lastGood);
        return perItem.stream().filter(java.util.Objects::nonNull).min(LocalDate::compareTo);
    }

    /** One use of a suspect standard: a calibration that named it as a reference on or after a day. */
    public record Use(long calibrationId, String calibrationNo, int revision, long instrumentId,
            String customerCode, LocalDate calibratedOn, String status, long referenceStandardId,
            String referenceStandardCode, Optional<Long> calibratedStandardId, Optional<String> calibratedStandardCode) {
    }

    /**
     * Every calibration (approved, submitted or draft; not withdrawn or superseded) that named one of the standards
     * as a reference on or after that standard's day, in one statement.
     */
    public List<Use> usesSince(Map<Long, LocalDate> since) {
        if (since.isEmpty()) {
            return List.of();
        }
        var c = CALIBRATION;
        var r = CALIBRATION_REFERENCE_STANDARD;
        var i = INSTRUMENT;
        var o = ORGANIZATION;
        LocalDate earliest = since.values().stream().min(LocalDate::compareTo).orElseThrow();
        Collection<Long> ids = since.keySet();
        var used = MEASUREMENT_STANDARD.as("used");
        var calibrated = MEASUREMENT_STANDARD.as("calibrated");
        return dsl.select(c.ID, c.CALIBRATION_NO, c.REVISION, c.INSTRUMENT_ID, o.CODE, c.CALIBRATED_ON, c.STATUS,
                        r.MEASUREMENT_STANDARD_ID, used.CODE, i.MEASUREMENT_STANDARD_ID, calibrated.CODE)
                .from(r).join(c).on(c.ID.eq(r.CALIBRATION_ID))
                .join(used).on(used.ID.eq(r.MEASUREMENT_STANDARD_ID))
                .join(i).on(i.ID.eq(c.INSTRUMENT_ID))
                .leftJoin(calibrated).on(calibrated.ID.eq(i.MEASUREMENT_STANDARD_ID))
                .join(o).on(o.ID.eq(c.CUSTOMER_ORGANIZATION_ID))
                .where(r.MEASUREMENT_STANDARD_ID.in(ids))
                .and(c.CALIBRATED_ON.ge(earliest))
                .and(c.STATUS.notIn("WITHDRAWN", "SUPERSEDED"))
                .orderBy(c.CALIBRATED_ON, c.ID)
                .fetch(x -> new Use(x.get(c.ID), x.get(c.CALIBRATION_NO), x.get(c.REVISION), x.get(c.INSTRUMENT_ID),
                        x.get(o.CODE), x.get(c.CALIBRATED_ON), x.get(c.STATUS), x.get(r.MEASUREMENT_STANDARD_ID),
                        x.get(used.CODE), Optional.ofNullable(x.get(i.MEASUREMENT_STANDARD_ID)),
                        Optional.ofNullable(x.get(calibrated.CODE))))
                .stream()
                .filter(u -> !u.calibratedOn().isBefore(since.get(u.referenceStandardId())))
                .toList();
    }

    /**
     * The certificates issued from each of the calibrations (every revision, oldest first), in one statement per
     * thousand calibrations; calibrations without a certificate are absent from the map.
     */
    public Map<Long, List<RecallImpact.ImpactedCertificate>> certificatesOf(Collection<Long> calibrationIds) {
        Map<Long, List<RecallImpact.ImpactedCertificate>> out = new HashMap<>();
        List<Long> ids = List.copyOf(calibrationIds);
        var t = CERTIFICATE;
        for (int from = 0; from < ids.size(); from += 1000) {
            dsl.select(t.CALIBRATION_ID, t.CERTIFICATE_NO, t.REVISION, t.STATUS)
                    .from(t)
                    .where(t.CALIBRATION_ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .orderBy(t.CALIBRATION_ID, t.CERTIFICATE_NO, t.REVISION)
                    .forEach(x -> out.computeIfAbsent(x.get(t.CALIBRATION_ID),
                            k -> new ArrayList<>()) .add(new RecallImpact.ImpactedCertificate(x.get(t.CERTIFICATE_NO),
                            x.get(t.REVISION), x.get(t.STATUS))));
        }
        return out;
    }

    private static OptionalDouble optional(BigDecimal value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }
}

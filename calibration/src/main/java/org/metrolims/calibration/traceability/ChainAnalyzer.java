package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metrolims.calibration.traceability.TraceGraph.CalibrationLink;
import org.metrolims.calibration.traceability.TraceGraph.StandardNode;

/**
 * Traceability chains over a {@link TraceGraph}, pure Java. The rule (DESIGN.md, after the VIM 2.41 definition
 * of metrological traceability and ILAC P10): a standard's chain is complete on a date when every link up to a
 * root is a calibration that was valid when used, with no cycle, and each step's uncertainty is no smaller than
 * the one above it. A root is a national primary standard (level {@code NATIONAL}) or an external calibration
 * by the national metrology institute or by an NMI under the CIPM MRA citing its CMC.
 *
 * <p>How the graph is walked: a standard on day {@code d} is tied upward by each item of its equipment's latest
 * approved calibration done on or before {@code d}, which must be valid on {@code d}. Each reference standard that
 * calibration used must have counted (active, certified) on the calibration day and is then checked in turn as
 * of that day. So a chain goes back in time as it goes up, exactly as the evidence was made.
 *
 * <p>{@link #complete} memoises per calibration, so that every standard of a province is judged with each
 * upstream calibration looked at once. An analyzer is not thread-safe; make one per request.
 */
public final class ChainAnalyzer {

    /** The classic test-uncertainty-ratio rule: a reference four times better than what it calibrates. */
    public static final double MIN_UNCERTAINTY_RATIO = 4.0;

    private final TraceGraph graph;
    private final Map<Long, Boolean> upstreamMemo = new HashMap<>();

    public ChainAnalyzer(TraceGraph graph) {
        this.graph = graph;
    }

    /** Whether the standard's chain is complete on {@code asOf}; false for a standard not in the graph. */
    public boolean complete(long standardId, LocalDate asOf) {
        return graph.standard(standardId).map(s -> standardOk(s, asOf, new HashSet<>())).orElse(false);
    }

    private boolean standardOk(StandardNode s, LocalDate usedOn, Set<Long> path) {
        if (s.nationalPrimary()) {
            return true;
        }
        List<Long> equipment = graph.equipmentOf(s.id());
        if (equipment.isEmpty()) {
            return false;
        }
        path.add(s.id());
        try {
            for (long instrument : equipment) {
                Optional<CalibrationLink> c = graph.latestCalibration(instrument, usedOn);
                if (c.isEmpty() || !c.get().validOn(usedOn) || !upstreamOk(s, c.get(), path)) {
                    return false;
                }
            }
            return true;
        } finally {
            path.remove(s.id());
        }
    }

    private boolean upstreamOk(StandardNode served, CalibrationLink c, Set<Long> path) {
        Boolean known = upstreamMemo.get(c.id());
        if (known != null) {
            return known;
        }
        boolean ok = computeUpstream(served, c, path);
        upstreamMemo.put(c.id(), ok);
        return ok;
    }

    private boolean computeUpstream(StandardNode served, CalibrationLink c, Set<Long> path) {
        if (c.external()) {
            return graph.recognisedRoot(c);
        }
        if (c.referenceStandardIds().isEmpty()) {
            return false;
        }
        for (long r : c.referenceStandardIds()) {
            Optional<StandardNode> reference = graph.standard(r);
            if (reference.isEmpty() || path.contains(r)) {
                return false;
            }
            if (!stepProblems(served, reference.get(), c).isEmpty()) {
                return false;
            }
            if (!standardOk(reference.get(), c.calibratedOn(), path)) {
                return false;
            }
        }
        return true;
    }

    /** The problems of the step from {@code served} up to {@code reference} through {@code c}, besides expiry. */
    private static List<LinkProblem> stepProblems(StandardNode served, StandardNode reference, CalibrationLink c) {
        List<LinkProblem> problems = new ArrayList<>(2);
        if (!reference.countsOn(c.calibratedOn())) {
            problems.add(LinkProblem.REFERENCE_NOT_IN_SERVICE);
        }
        Optional<Double> ratio = ratio(served, reference);
        if (ratio.isPresent() && ratio.get() < 1.0) {
            problems.add(LinkProblem.UNCERTAINTY_SHRINKS);
        }
        return problems;
    }

    /** U(served) / U(reference) when both state an expanded uncertainty in the same unit. */
    private static Optional<Double> ratio(StandardNode served, StandardNode reference) {
        if (served.expandedUncertainty().isEmpty() || reference.expandedUncertainty().isEmpty()
                || !served.unit().equals(reference.unit())) {
            return Optional.empty();
        }
        return Optional.of(served.expandedUncertainty().getAsDouble() / reference.expandedUncertainty().getAsDouble());
    }

    /** The whole chain of one standard on {@code asOf}, every link with its verdict, for display and the API. */
    public Optional<Chain> chain(long standardId, LocalDate asOf) {
        return graph.standard(standardId).map(s -> new Walk().run(s, asOf));
    }

    /** One drawing of a chain: nodes by key, links in the order found (depth first). */
    private final class Walk {
        final Map<String, ChainNode> nodes = new LinkedHashMap<>();
        final List<ChainLink> links = new ArrayList<>();
        final Set<String> expanded = new HashSet<>();

        Chain run(StandardNode s, LocalDate asOf) {
            node(s, 0);
            visit(s, asOf, 0, new HashSet<>());
            boolean complete = links.stream().noneMatch(ChainLink::broken)
                    && (s.nationalPrimary() || !graph.equipmentOf(s.id()).isEmpty());
            return new Chain(s.id(), s.code(), asOf, s.countsOn(asOf), complete, new ArrayList<>(nodes.values()),
                    links);
        }

        void visit(StandardNode s, LocalDate usedOn, int depth, Set<Long> path) {
            if (s.nationalPrimary()) {
                return;
            }
            List<Long> equipment = graph.equipmentOf(s.id());
            if (equipment.isEmpty()) {
                String missing = "M" + s.id() + "-0";
                nodes.putIfAbsent(missing, missingNode(missing, depth + 1));
                links.add(new ChainLink(key(s), missing, depth, 0, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), usedOn, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(LinkProblem.MISSING_LINK), List.of()));
                return;
            }
            path.add(s.id());
            for (long instrument : equipment) {
                Optional<CalibrationLink> found = graph.latestCalibration(instrument, usedOn);
                if (found.isEmpty()) {
                    String missing = "M" + s.id() + "-" + instrument;
                    nodes.putIfAbsent(missing, missingNode(missing, depth + 1));
                    links.add(new ChainLink(key(s), missing, depth, instrument, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), usedOn, Optional.empty(), Optional.empty(),
                            Optional.empty(), List.of(LinkProblem.MISSING_LINK), List.of()));
                    continue;
                }
                CalibrationLink c = found.get();
                List<LinkProblem> timing = c.validOn(usedOn) ? List.of() : List.of(LinkProblem.EXPIRED_WHEN_USED);
                if (c.external()) {
                    String root = "R" + c.id();
                    nodes.putIfAbsent(root, new ChainNode(root, ChainNode.Kind.ROOT, Optional.empty(),
                            c.externalIssuer().orElseThrow(), Optional.empty(), Optional.empty(), Optional.empty(),
                            depth + 1));
                    List<LinkProblem> problems = new ArrayList<>(timing);
                    if (!graph.recognisedRoot(c)) {
                        problems.add(LinkProblem.ROOT_NOT_NMI);
                    }
                    links.add(link(s, root, depth, c, usedOn, Optional.empty(), problems, List.of()));
                    continue;
                }
                if (c.referenceStandardIds().isEmpty()) {
                    String missing = "M" + s.id() + "-" + instrument;
                    nodes.putIfAbsent(missing, missingNode(missing, depth + 1));
                    List<LinkProblem> problems = new ArrayList<>(timing);
                    problems.add(LinkProblem.MISSING_LINK);
                    links.add(link(s, missing, depth, c, usedOn, Optional.empty(), problems, List.of()));
                    continue;
                }
                for (long r : c.referenceStandardIds()) {
                    Optional<StandardNode> ref = graph.standard(r);
                    if (ref.isEmpty()) {
                        String missing = "M" + s.id() + "-" + instrument;
                        nodes.putIfAbsent(missing, missingNode(missing, depth + 1));
                        List<LinkProblem> problems = new ArrayList<>(timing);
                        problems.add(LinkProblem.MISSING_LINK);
                        links.add(link(s, missing, depth, c, usedOn, Optional.empty(), problems, List.of()));
                        continue;
                    }
                    StandardNode reference = ref.get();
                    node(reference, depth + 1);
                    List<LinkProblem> problems = new ArrayList<>(timing);
                    boolean cycle = path.contains(r);
                    if (cycle) {
                        problems.add(LinkProblem.CYCLE);
                    }
                    problems.addAll(stepProblems(s, reference, c));
                    Optional<Double> ratio = ratio(s, reference);
                    List<LinkWarning> warnings = ratio.isEmpty()
                            ? List.of(LinkWarning.UNCERTAINTY_NOT_COMPARABLE)
                            : ratio.get() >= 1.0 && ratio.get() < MIN_UNCERTAINTY_RATIO
                                    ? List.of(LinkWarning.LOW_UNCERTAINTY_RATIO)
                                    : List.of();
                    links.add(link(s, key(reference), depth, c, usedOn, ratio, problems, warnings));
                    if (!cycle && expanded.add(r + "@" + c.calibratedOn())) {
                        visit(reference, c.calibratedOn(), depth + 1, path);
                    }
                }
            }
            path.remove(s.id());
        }

        void node(StandardNode s, int depth) {
            ChainNode existing = nodes.get(key(s));
            if (existing == null || existing.depth() > depth) {
                nodes.put(key(s), new ChainNode(key(s), ChainNode.Kind.STANDARD, Optional.of(s.id()), s.code(),
                        Optional.of(s.level()), s.expandedUncertainty().isPresent()
                                ? Optional.of(s.expandedUncertainty().getAsDouble()) : Optional.empty(),
                        Optional.of(s.unit()), depth));
            }
        }

        ChainNode missingNode(String key, int depth) {
            return new ChainNode(key, ChainNode.Kind.MISSING, Optional.empty(), "?", Optional.empty(),
                    Optional.empty(), Optional.empty(), depth);
        }

        ChainLink link(StandardNode s, String to, int depth, CalibrationLink c, LocalDate usedOn,
                Optional<Double> ratio, List<LinkProblem> problems, List<LinkWarning> warnings) {
            return new ChainLink(key(s), to, depth, c.instrumentId(), Optional.of(c.id()), Optional.of(c.number()),
                    Optional.of(c.calibratedOn()), c.validUntil(), usedOn, c.externalIssuer(),
                    c.externalCertificateNo(), ratio, problems, warnings);
        }

        String key(StandardNode s) {
            return "S" + s.id();
        }
    }
}

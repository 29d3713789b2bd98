package org.metrolims.calibration.traceability.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainLink;
import org.metrolims.calibration.traceability.ChainNode;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification schemes (国家计量检定系统表) and where the province's standards stand in them: the list of
 * schemes, the standing of each node of a chain, and a province overview (standards per level, the misplaced ones).
 * The rule is {@link SchemeCheck}'s; a standard's references are those its equipment's latest calibrations used.
 */
@Service
public class VerificationSchemes {

    private final VerificationSchemeRepository repository;
    private final TraceabilityAnalysis traceability;

    VerificationSchemes(VerificationSchemeRepository repository, TraceabilityAnalysis traceability) {
        this.repository = repository;
        this.traceability = traceability;
    }

    @Transactional(readOnly = true)
    public List<VerificationScheme> schemes() {
        return repository.schemes();
    }

    /** Every standard with its subject, its own level (if any) and its owner, as the claims are judged. */
    @Transactional(readOnly = true)
    public List<SchemeStandard> standards() {
        return repository.standards();
    }

    /**
     * Records claims in one batch (a generator's bulk claims, e.g. the demo province's; an owner's claim goes
     * through {@link SchemeClaims}); a standard has at most one.
     */
    @Transactional
    public void recordClaims(List<NewClaim> claims, String by) {
        repository.insertClaims(claims, by);
    }

    /**
     * The chain with each standard node's scheme standing, judged against the references the chain's own links show
     * for that node (the calibrations in force when the node was used).
     */
    @Transactional(readOnly = true)
    public Chain withStandings(Chain chain) {
        List<Long> ids = chain.nodes().stream().flatMap(n -> n.standardId().stream()).toList();
        Map<Long, SchemeSubject> subjects = new HashMap<>();
        repository.standards(ids).forEach(s -> subjects.put(s.subject().standardId(), s.subject()));
        Map<String, Long> idByKey = new HashMap<>();
        chain.nodes().forEach(n -> n.standardId().ifPresent(id -> idByKey.put(n.key(), id)));
        Map<String, List<SchemeSubject>> references = new HashMap<>();
        for (ChainLink l : chain.links()) {
            Long to = idByKey.get(l.to());
            if (to != null && subjects.containsKey(to)) {
                List<SchemeSubject> list = references.computeIfAbsent(l.from(), k -> new ArrayList<>());
                if (!list.contains(subjects.get(to))) {
                    list.add(subjects.get(to));
                }
            }
        }
        SchemeCheck check = new SchemeCheck(repository.schemes());
        List<ChainNode> nodes = chain.nodes().stream()
                .map(n -> n.standardId().map(subjects::get)
                        .map(s -> n.withScheme(check.check(s, references.getOrDefault(n.key(), List.of()))))
                        .orElse(n))
                .toList();
        return new Chain(chain.standardId(), chain.code(), chain.asOf(), chain.counts(), chain.complete(), nodes,
                chain.links());
    }

    /** One level of a scheme with the number of counting standards that sit there. */
    public record LevelCount(SchemeLevel level, long standards) {
    }

    /** A standard whose standing is not OK. */
    public record Flagged(long standardId, String code, String standardLevel, SchemeStanding standing) {
    }

    /**
     * One scheme across the province on a date: counting standards per level (where their uncertainty, else their
     * claim, puts them), those that could not be placed, and the misplaced ones and those with a reference not higher.
     */
    public record SchemeSummary(VerificationScheme scheme, List<LevelCount> levels, long standards, long unplaced,
            List<Flagged> flagged) {

        public SchemeSummary {
            levels = List.copyOf(levels);
            flagged = List.copyOf(flagged);
        }

        public long misplaced() {
            return flagged.stream().filter(f -> f.standing().verdict() == SchemeVerdict.MISPLACED).count();
        }

        public long referencesNotHigher() {
            return flagged.stream().filter(f -> f.standing().verdict() == SchemeVerdict.REFERENCE_NOT_HIGHER).count();
        }
    }

    /** Every scheme's summary over the standards that count on {@code asOf} (DESIGN.md), all organizations. */
    @Transactional(readOnly = true)
    public List<SchemeSummary> overview(LocalDate asOf) {
        List<VerificationScheme> schemes = repository.schemes();
        SchemeCheck check = new SchemeCheck(schemes);
        TraceGraph graph = traceability.graphAsOf(asOf);
        Map<Long, SchemeStandard> standards = new LinkedHashMap<>();
        repository.standards().forEach(s -> standards.put(s.subject().standardId(), s));
        Map<String, Map<String, Long>> counts = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, Long> unplaced = new HashMap<>();
        Map<String, List<Flagged>> flagged = new HashMap<>();
        for (SchemeStandard s : standards.values()) {
            SchemeSubject subject = s.subject();
            Optional<VerificationScheme> scheme = check.schemeFor(subject.quantityCode());
            boolean counts_ = graph.standard(subject.standardId()).map(n -> n.countsOn(asOf)).orElse(false);
            if (scheme.isEmpty() || !counts_) {
                continue;
            }
            String code = scheme.get().code();
            List<SchemeSubject> refs = referencesOf(graph, subject.standardId(), asOf).stream()
                    .map(standards::get).filter(java.util.Objects::nonNull).map(SchemeStandard::subject).toList();
            SchemeStanding standing = check.check(subject, refs);
            totals.merge(code, 1L, Long::sum);
            standing.level().ifPresentOrElse(
                    l -> counts.computeIfAbsent(code, k -> new HashMap<>()).merge(l, 1L, Long::sum),
                    () -> unplaced.merge(code, 1L, Long::sum));
            if (standing.verdict() == SchemeVerdict.MISPLACED
                    || standing.verdict() == SchemeVerdict.REFERENCE_NOT_HIGHER) {
                flagged.computeIfAbsent(code, k -> new ArrayList<>())
                        .add(new Flagged(subject.standardId(), subject.code(), s.level(), standing));
            }
        }
        return schemes.stream().map(sc -> new SchemeSummary(sc,
                        sc.levels().stream().map(l -> new LevelCount(l,
                                counts.getOrDefault(sc.code(), Map.of()).getOrDefault(l.code(), 0L))).toList(),
                        totals.getOrDefault(sc.code(), 0L), unplaced.getOrDefault(sc.code(), 0L),
                        flagged.getOrDefault(sc.code(), List.of()).stream()
                                .sorted(Comparator.comparing(Flagged::code)).toList()))
                .toList();
    }

    /** The in-province reference standards of the latest calibration of each item of the standard's equipment. */
    static List<Long> referencesOf(TraceGraph graph, long standardId, LocalDate asOf) {
        List<Long> out = new ArrayList<>();
        for (long instrument : graph.equipmentOf(standardId)) {
            graph.latestCalibration(instrument, asOf).filter(c -> !c.external())
                    .ifPresent(c -> c.referenceStandardIds().stream().filter(r -> !out.contains(r)).forEach(out::add));
        }
        return out;
    }
}

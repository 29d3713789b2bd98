package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.traceability.RecallImpact.ImpactedCalibration;
import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Traceability of the province's standards: the chain of one standard on a date, the completeness of every chain
 * at once (for coverage), and the recall impact list of a standard found out of tolerance.
 */
@Service
public class TraceabilityAnalysis {

    /** How far the recall follows standards calibrated by suspect standards. */
    static final int MAX_RECALL_DEPTH = 6;

    private final TraceabilityRepository repository;

    public TraceabilityAnalysis(TraceabilityRepository repository) {
        this.repository = repository;
    }

    /** The chain of a standard on {@code asOf}; a lab sees only its own organization's standards. */
    @Transactional(readOnly = true)
    public Chain chain(long standardId, LocalDate asOf, RegistryUser user) {
        checkVisible(standardId, user);
        return new ChainAnalyzer(repository.graphFor(Map.of(standardId, List.of(asOf)), List.of(), asOf))
                .chain(standardId, asOf)
                .orElseThrow(() -> notFound(standardId));
    }

    /** Whether one standard's chain is complete, from its own subgraph (the straightforward per-standard way). */
    @Transactional(readOnly = true)
    public boolean completeAlone(long standardId, LocalDate asOf) {
        return new ChainAnalyzer(repository.subgraphAsOf(standardId, asOf)).complete(standardId, asOf);
    }

    /**
     * The joint subgraph of several standards' chains as of a date (the calibrations and roots they reach), for
     * analysing those chains together ({@link ChainAnalyzer}); certificates state the chains of the standards used.
     */
    @Transactional(readOnly = true)
    public TraceGraph subgraphAsOf(Collection<Long> standardIds, LocalDate asOf) {
        return repository.subgraphAsOf(standardIds, asOf);
    }

    /** The graph as of a date, for computing many chains at once ({@link ChainAnalyzer#complete}). */
    @Transactional(readOnly = true)
    public TraceGraph graphAsOf(LocalDate asOf) {
        return repository.graphAsOf(asOf);
    }

    /**
     * The recall impact list: calibrations done with the standard on or after {@code since} (default: its last good
     * calibration), and transitively with the standards those calibrations calibrated, from each such
     * calibration's day, up to {@value #MAX_RECALL_DEPTH} levels.
     */
    @Transactional(readOnly = true)
    public RecallImpact impact(long standardId, Optional<LocalDate> since, RegistryUser user) {
        return impact(standardId, since, Optional.empty(), user);
    }

    /**
     * The recall impact list of a standard found out of tolerance on {@code foundOutOn}: without an explicit
     * {@code since}, suspect from its last good calibration done before that day (any day when absent).
     */
    @Transactional(readOnly = true)
    public RecallImpact impact(long standardId, Optional<LocalDate> since, Optional<LocalDate> foundOutOn,
            RegistryUser user) {
        checkVisible(standardId, user);
        String code = repository.codeOf(standardId).orElseThrow(() -> notFound(standardId));
        LocalDate from = since.or(() -> repository.lastGoodCalibration(standardId, foundOutOn.orElse(LocalDate.MAX)))
                .orElse(LocalDate.MIN);
        Map<Long, String> codes = new HashMap<>();
        Map<Long, LocalDate> frontier = Map.of(standardId, from);
        Set<Long> seenStandards = new HashSet<>(List.of(standardId));
        Set<Long> seenCalibrations = new HashSet<>();
        List<ImpactedCalibration> out = new ArrayList<>();
        List<Long> affected = new ArrayList<>();
        for (int depth = 1; depth <= MAX_RECALL_DEPTH && !frontier.isEmpty(); depth++) {
            List<TraceabilityRepository.Use> uses = repository.usesSince(frontier);
            Map<Long, LocalDate> next = new LinkedHashMap<>();
            for (TraceabilityRepository.Use u : uses) {
                if (!seenCalibrations.add(u.calibrationId())) {
                    continue;
                }
                out.add(new ImpactedCalibration(u.calibrationId(), u.calibrationNo(), u.revision(), u.customerCode(),
                        u.calibratedOn(), u.status(), depth, u.referenceStandardCode(), u.calibratedStandardCode(), List.of()));
                u.calibratedStandardId().ifPresent(s -> {
                    codes.put(s, u.calibratedStandardCode().orElseThrow());
                    if (seenStandards.add(s)) {
                        affected.add(s);
                        next.put(s, u.calibratedOn());
                    }
                });
            }
            frontier = next;
        }
        Map<Long, List<RecallImpact.ImpactedCertificate>> certificates = repository.certificatesOf(
                out.stream().map(ImpactedCalibration::calibrationId).toList());
        List<ImpactedCalibration> withCertificates = out.stream()
                .map(c -> new ImpactedCalibration(c.calibrationId(), c.calibrationNo(), c.revision(), c.customerCode(),
                        c.calibratedOn(), c.status(), c.depth(), c.viaStandard(), c.calibratedStandard(),
                        certificates.getOrDefault(c.calibrationId(), List.of())))
                .toList();
        return new RecallImpact(standardId, code, from, withCertificates,
                affected.stream().map(codes::get).toList());
    }

    private void checkVisible(long standardId, RegistryUser user) {
        long owner = repository.ownerOf(standardId).orElseThrow(() -> notFound(standardId));
        if (!user.canRead(owner)) {
            throw notFound(standardId);
        }
    }

    /** No such standard, or none the user may see (a lab asking about another organization's standard). */
    private static NotFound notFound(long standardId) {
        return new NotFound(Message.of("failure.notFound.standard", "No standard " + standardId, standardId));
    }
}

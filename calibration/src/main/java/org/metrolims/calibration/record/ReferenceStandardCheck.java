package org.metrolims.calibration.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.metrolims.calibration.record.UnfitReference.Problem;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.ChainLink;
import org.metrolims.calibration.traceability.LinkProblem;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceGraph.StandardNode;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.springframework.stereotype.Component;

/**
 * Whether the reference standards of a calibration are fit to be used on its date, judged by the traceability
 * analysis ({@link ChainAnalyzer} over {@link TraceabilityAnalysis#subgraphAsOf}) exactly as the certificate will
 * judge them, so that a standard is refused when it is used rather than printed "not traceable" afterwards:
 * <ul>
 *   <li><b>overdue</b>: the latest calibration of its equipment done on or before the date had expired on the date
 *       (the last valid day still counts, so a standard due tomorrow is fit today);
 *   <li><b>not in service</b>: its registry status on the date is SUSPENDED or RETIRED;
 *   <li><b>broken chain</b>: any link of its chain has a problem ({@link LinkProblem}).
 * </ul>
 * A standard with no calibration of its equipment on record at all is not refused here (the registry holds standards
 * whose equipment history was never entered); its certificate still states that it is not traceable.
 */
@Component
class ReferenceStandardCheck {

    private final TraceabilityAnalysis traceability;

    public ReferenceStandardCheck(TraceabilityAnalysis traceability) {
        this.traceability = traceability;
    }

    /** The unfit standards among {@code standardIds} on {@code on}, in the given order; unknown ids are skipped. */
    public List<UnfitReference> unfit(Collection<Long> standardIds, LocalDate on) {
        if (standardIds.isEmpty() || on == null) {
            return List.of();
        }
        TraceGraph graph = traceability.subgraphAsOf(standardIds, on);
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        List<UnfitReference> out = new ArrayList<>();
        for (Long id : standardIds) {
            Optional<StandardNode> node = id == null ? Optional.empty() : graph.standard(id);
            if (node.isEmpty()) {
                continue;
            }
            StandardNode s = node.get();
            List<Problem> problems = new ArrayList<>(3);
            String status = s.statusOn(on).orElse(null);
            if (status != null && !"ACTIVE".equals(status)) {
                problems.add(Problem.NOT_IN_SERVICE);
            }
            LocalDate validUntil = null;
            if (!s.nationalPrimary()) {
                Chain chain = analyzer.chain(id, on).orElseThrow();
                boolean broken = false;
                for (ChainLink l : chain.links()) {
                    boolean own = l.depth() == 0;
                    for (LinkProblem p : l.problems()) {
                        if (own && p == LinkProblem.EXPIRED_WHEN_USED) {
                            if (!problems.contains(Problem.OVERDUE)) {
                                problems.add(Problem.OVERDUE);
                            }
                            validUntil = l.validUntil().orElse(validUntil);
                        } else if (!(own && p == LinkProblem.MISSING_LINK && l.calibrationId().isEmpty())) {
                            broken = true;
                        }
                    }
                }
                if (broken) {
                    problems.add(Problem.BROKEN_CHAIN);
                }
            }
            if (!problems.isEmpty()) {
                out.add(new UnfitReference(id, s.code(), problems, validUntil, status));
            }
        }
        return out;
    }
}

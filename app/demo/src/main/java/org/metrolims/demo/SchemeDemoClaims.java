package org.metrolims.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.calibration.traceability.scheme.NewClaim;
import org.metrolims.calibration.traceability.scheme.SchemeCheck;
import org.metrolims.calibration.traceability.scheme.SchemeLevel;
import org.metrolims.calibration.traceability.scheme.SchemeStandard;
import org.metrolims.calibration.traceability.scheme.SchemeStanding;
import org.metrolims.calibration.traceability.scheme.SchemeVerdict;
import org.metrolims.calibration.traceability.scheme.VerificationScheme;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo province's level claims (standard_scheme_claim): the demo's standards sit where their uncertainty says
 * (its bands are seeded around the demo's provincial, city and county uncertainties), so that the schemes page has
 * something to find, about 3% of the counting standards placed below the second tier of a scheme (at least two)
 * claim, in their assessment file, the level one tier above the one their uncertainty supports: a county standard
 * claiming to be a city-grade one, as happens. Deterministic in the seed; standards taken in id order.
 */
@Component
@Order(40)
class SchemeDemoClaims implements DemoProvinceExtension {

    static final double SHARE = 0.03;
    static final String SOURCE = "claimed in the standard's assessment file (考核申请书)";

    private final VerificationSchemes schemes;
    private final TraceabilityAnalysis traceability;

    SchemeDemoClaims(VerificationSchemes schemes, TraceabilityAnalysis traceability) {
        this.schemes = schemes;
        this.traceability = traceability;
    }

    @Override
    public Map<String, Long> extend(DemoSettings settings) {
        LocalDate anchor = settings.anchorDate();
        SplittableRandom rng = new SplittableRandom(settings.seed() ^ 0x536368656D65L);
        List<VerificationScheme> all = schemes.schemes();
        SchemeCheck check = new SchemeCheck(all);
        TraceGraph graph = traceability.graphAsOf(anchor);
        record Candidate(long standardId, long levelId) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (SchemeStandard s : schemes.standards()) {
            Optional<VerificationScheme> scheme = check.schemeFor(s.subject().quantityCode());
            if (scheme.isEmpty() || !graph.standard(s.subject().standardId()).map(n -> n.countsOn(anchor))
                    .orElse(false)) {
                continue;
            }
            SchemeStanding standing = check.check(s.subject(), List.of());
            if (standing.verdict() != SchemeVerdict.OK || standing.tier().orElse(0) <= 2
                    || s.subject().expandedUncertainty().isEmpty()) {
                continue;
            }
            int above = standing.tier().get() - 1;
            scheme.get().levels().stream().filter(l -> l.tier() == above).map(SchemeLevel::id).findFirst()
                    .ifPresent(level -> candidates.add(new Candidate(s.subject().standardId(), level)));
        }
        for (int i = candidates.size() - 1; i > 0; i--) {
            Collections.swap(candidates, i, rng.nextInt(i + 1));
        }
        int n = Math.min(candidates.size(), Math.max(2, (int) Math.round(candidates.size() * SHARE)));
        List<NewClaim> claims = candidates.subList(0, n).stream()
                .sorted(java.util.Comparator.comparingLong(Candidate::standardId))
                .map(c -> new NewClaim(c.standardId(), c.levelId(), SOURCE)).toList();
        schemes.recordClaims(claims, "demo");
        return Map.of("standard_scheme_claim", (long) claims.size());
    }
}

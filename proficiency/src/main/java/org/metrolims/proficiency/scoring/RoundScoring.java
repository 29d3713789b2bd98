package org.metrolims.proficiency.scoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.SubmittedResult;
import org.metrolims.proficiency.round.IllegalTransitionException;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.MassFraction;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.statistics.AssignedValue;
import org.metrolims.proficiency.statistics.LabHistory;
import org.metrolims.proficiency.statistics.LabResult;
import org.metrolims.proficiency.statistics.LabScore;
import org.metrolims.proficiency.statistics.Performance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a round whose results are closed, in one transaction: the latest result revision of every enrolled lab, the
 * assigned value (Algorithm A consensus, or the round's reference value), sigma_pt as the scheme sets it, the check
 * u(x_pt) &lt; 0.3 sigma_pt (z' replaces z when it fails), the z, z', zeta and E_n scores stored in pt_score, the
 * summary stored on the round, status SCORED, and an audit line. Also the lab's history across rounds.
 *
 * <p>Each lab is classified by the scheme's score type: z (or z'), zeta or E_n. A lab that gave no uncertainty has
 * no zeta or E_n; it is then classified by z (or z'), and the stored zeta / E_n stay empty. A lab that gave only
 * u(x) gets E_n with U(x) = 2 u(x) ({@link ScoreCalculator#labResult}).
 */
@Service
public class RoundScoring {

    private final ProficiencyRounds rounds;
    private final ProficiencySchemes schemes;
    private final PtResults results;
    private final ScoreRepository scores;
    private final PtAudit audit;
    private final Clock clock;

    @Autowired
    public RoundScoring(ProficiencyRounds rounds, ProficiencySchemes schemes, PtResults results,
            ScoreRepository scores, PtAudit audit) {
        this(rounds, schemes, results, scores, audit, Clock.systemUTC());
    }

    public RoundScoring(ProficiencyRounds rounds, ProficiencySchemes schemes, PtResults results,
            ScoreRepository scores, PtAudit audit, Clock clock) {
        this.rounds = rounds;
        this.schemes = schemes;
        this.results = results;
        this.scores = scores;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The same scoring on another clock, over the given rounds and results: a caller that replays dated events (the
     * demo province's past rounds) scores at a date of its own.
     */
    public RoundScoring with(ProficiencyRounds rounds, PtResults results, Clock clock) {
        return new RoundScoring(rounds, schemes, results, scores, audit, clock);
    }

    @Transactional
    public ScoredRound score(long roundId, String actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> new PtNotFoundException("PT round", roundId));
        if (round.status() != RoundStatus.CLOSED) {
            throw new IllegalTransitionException(round.status(), RoundStatus.SCORED,
                    "only a round whose results are closed is scored");
        }
        Scheme scheme = schemes.find(round.schemeId()).orElseThrow();
        List<SubmittedResult> latest = results.latestOfRound(roundId);
        if (latest.isEmpty()) {
            throw new PtRuleException("NO_RESULTS", null, "round " + round.code() + " has no results to score");
        }
        Calculation calculation = calculate(scheme, round, latest);

        List<ScoreRepository.NewScore> rows = new ArrayList<>();
        for (int i = 0; i < latest.size(); i++) {
            SubmittedResult r = latest.get(i);
            LabScore s = calculation.scores().scores().get(i);
            rows.add(new ScoreRepository.NewScore(r.enrolmentId(), r.id(), s.z(), s.zPrime(), s.zeta(), s.en(),
                    classify(scheme, s)));
        }
        Round.Summary summary = new Round.Summary(calculation.assignedValue(), calculation.assignedValueUncertainty(),
                calculation.sigmaPt(), calculation.robustMean(), calculation.robustSd(), calculation.iterations(),
                clock.instant(), actor);
        if (!rounds.storeScored(roundId, summary)) {
            throw new IllegalTransitionException(round.status(), RoundStatus.SCORED, "the round was changed meanwhile");
        }
        scores.insertAll(roundId, rows);
        audit.record(actor, "SCORE", "pt_round", roundId, PtAudit.fields("status", round.status()),
                PtAudit.fields("status", RoundStatus.SCORED, "results", latest.size(),
                        "assignedValue", summary.assignedValue(),
                        "assignedValueUncertainty", summary.assignedValueUncertainty(), "sigmaPt", summary.sigmaPt(),
                        "uncertaintyNegligible", calculation.scores().assignedValueUncertaintyNegligible(),
                        "robustMean", summary.robustMean(), "robustSd", summary.robustSd(),
                        "iterations", summary.iterations()), null);
        return new ScoredRound(rounds.find(roundId).orElseThrow(), calculation, scores.ofRound(roundId));
    }

    /** The stored scores of a round, in lab-code order (empty until it is scored). */
    @Transactional(readOnly = true)
    public List<LabRoundScore> scores(long roundId) {
        return scores.ofRound(roundId);
    }

    /**
     * A lab's scores across rounds, oldest first, flagged for two questionable results in a row or one
     * unsatisfactory (ISO 13528:2022 9.4.2; {@link LabHistory}).
     *
     * @param reportedOnly only rounds whose report is issued (what the lab itself sees)
     */
    @Transactional(readOnly = true)
    public LabRecord history(long organizationId, boolean reportedOnly) {
        List<LabRoundScore> rows = scores.ofOrganization(organizationId).stream()
                .filter(s -> !reportedOnly || s.roundStatus() == RoundStatus.REPORTED)
                .toList();
        return new LabRecord(rows, LabHistory.review(rows.stream().map(LabRoundScore::classification).toList()));
    }

    /** The calculation as the scheme sets it, on the given results (also used for provisional sigma_pt). */
    static Calculation calculate(Scheme scheme, Round round, List<SubmittedResult> latest) {
        List<LabResult> labs = latest.stream()
                .map(r -> ScoreCalculator.labResult(r.labCode(), r.value(), r.effectiveStandardUncertainty(),
                        r.expandedUncertainty()))
                .toList();
        try {
            return ScoreCalculator.calculate(labs, assignedValueSpec(scheme, round), sigmaPtSpec(scheme));
        } catch (IllegalArgumentException e) { // the statistics refuse the data, or Algorithm A did not converge
            throw new ScoringFailedException("round " + round.code() + " cannot be scored: " + e.getMessage(), e);
        }
    }

    static AssignedValueSpec assignedValueSpec(Scheme scheme, Round round) {
        AssignedValue.Method method = switch (scheme.assignedValueMethod()) {
            case ALGORITHM_A -> null;
            case REFERENCE_VALUE -> AssignedValue.Method.REFERENCE_VALUE;
            case CERTIFIED_VALUE -> AssignedValue.Method.CERTIFIED_REFERENCE_MATERIAL;
            case REFERENCE_LAB -> AssignedValue.Method.REFERENCE_LABORATORY;
        };
        if (method == null) {
            return new AssignedValueSpec.Consensus();
        }
        if (round.referenceValue() == null) {
            throw new PtRuleException("NO_REFERENCE_VALUE", "referenceValue", "round " + round.code()
                    + " has no reference value, which scheme " + scheme.code() + " needs");
        }
        return new AssignedValueSpec.Independent(method, round.referenceValue(), round.referenceUncertainty());
    }

    static SigmaPtSpec sigmaPtSpec(Scheme scheme) {
        return switch (scheme.sigmaPtMethod()) {
            case FIXED -> new SigmaPtSpec.Fixed(scheme.sigmaPt());
            case ROBUST_SD -> new SigmaPtSpec.Robust();
            case HORWITZ -> new SigmaPtSpec.Horwitz(MassFraction.factorOf(scheme.unit())
                    .orElseThrow(() -> new PtRuleException("NOT_A_MASS_FRACTION", null, "scheme " + scheme.code()
                            + " takes sigma_pt by Horwitz but its unit " + scheme.unit() + " is not a mass fraction")));
        };
    }

    private static Performance classify(Scheme scheme, LabScore s) {
        return switch (scheme.scoreType()) {
            case Z -> s.performance();
            case ZETA -> s.zetaPerformance() != null ? s.zetaPerformance() : s.performance();
            case EN -> s.enPerformance() != null ? s.enPerformance() : s.performance();
        };
    }
}

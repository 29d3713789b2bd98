package org.metrolims.proficiency.item;

import java.util.Arrays;
import java.util.List;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.SubmittedResult;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.scheme.MassFraction;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.statistics.AlgorithmA;
import org.metrolims.proficiency.statistics.AlgorithmAResult;
import org.metrolims.proficiency.statistics.HomogeneityCheck;
import org.metrolims.proficiency.statistics.HomogeneityVerdict;
import org.metrolims.proficiency.statistics.SigmaPt;
import org.metrolims.proficiency.statistics.StabilityCheck;
import org.metrolims.proficiency.statistics.StabilityVerdict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Homogeneity and stability data of a round's items (ISO 13528:2022 Annex B), entered by an officer once per study
 * (never overwritten) before the round is scored, and their verdicts.
 *
 * <p>sigma_pt for the criteria: the round's own once scored; else the scheme's fixed value; else, for Horwitz, the
 * Horwitz value at the reference value (or at the homogeneity mean); else, for the robust SD, s* of the results
 * submitted so far (provisional, from three results on).
 */
@Service
public class ItemStudies {

    private final ItemMeasurementRepository measurements;
    private final ProficiencyRounds rounds;
    private final ProficiencySchemes schemes;
    private final PtResults results;
    private final PtAudit audit;

    public ItemStudies(ItemMeasurementRepository measurements, ProficiencyRounds rounds, ProficiencySchemes schemes,
            PtResults results, PtAudit audit) {
        this.measurements = measurements;
        this.rounds = rounds;
        this.schemes = schemes;
        this.results = results;
        this.audit = audit;
    }

    /** Records one study's measurements: {@code items[i]} are the replicates of item i + 1. */
    @Transactional
    public ItemVerdicts record(long roundId, ItemStudy study, double[][] items, String actor) {
        Round round = round(roundId);
        if (study == null) {
            throw new PtInputException("study", "is required");
        }
        if (round.status().scored()) {
            throw new PtRuleException("ROUND_SCORED", "study", "round " + round.code() + " is scored already");
        }
        requireUsable(study, items);
        if (measurements.exists(roundId, study)) {
            throw new PtRuleException("ALREADY_RECORDED", "study", study + " measurements of round " + round.code()
                    + " are recorded already; they are not overwritten");
        }
        measurements.insert(roundId, study, items, actor);
        audit.record(actor, "RECORD_ITEMS", "pt_round", roundId, null, PtAudit.fields("study", study,
                "items", items.length, "values", Arrays.deepToString(items)), null);
        return verdicts(roundId);
    }

    @Transactional(readOnly = true)
    public ItemVerdicts verdicts(long roundId) {
        Round round = round(roundId);
        Scheme scheme = schemes.find(round.schemeId()).orElseThrow();
        double[][] homogeneity = measurements.load(roundId, ItemStudy.HOMOGENEITY);
        double[][] before = measurements.load(roundId, ItemStudy.STABILITY_BEFORE);
        double[][] after = measurements.load(roundId, ItemStudy.STABILITY_AFTER);

        Double sigma;
        String basis;
        if (round.summary() != null) {
            sigma = round.summary().sigmaPt();
            basis = "SCORED";
        } else {
            switch (scheme.sigmaPtMethod()) {
                case FIXED -> {
                    sigma = scheme.sigmaPt();
                    basis = "FIXED";
                }
                case HORWITZ -> {
                    Double at = round.referenceValue() != null ? round.referenceValue()
                            : homogeneity.length > 0 ? mean(flatten(homogeneity)) : null;
                    double factor = MassFraction.factorOf(scheme.unit()).orElse(Double.NaN);
                    sigma = at == null || Double.isNaN(factor) || !(at * factor > 0 && at * factor <= 1) ? null
                            : SigmaPt.horwitzThompson(at * factor) / factor;
                    basis = sigma == null ? "UNKNOWN" : "HORWITZ";
                }
                default -> {
                    sigma = provisionalRobustSd(roundId);
                    basis = sigma == null ? "UNKNOWN" : "PROVISIONAL_ROBUST_SD";
                }
            }
        }
        HomogeneityVerdict h = sigma == null || homogeneity.length == 0 ? null
                : HomogeneityCheck.check(homogeneity, sigma);
        double[] first = before.length > 0 ? flatten(before) : flatten(homogeneity);
        StabilityVerdict s = sigma == null || after.length == 0 || first.length == 0 ? null
                : StabilityCheck.check(first, flatten(after), sigma);
        return new ItemVerdicts(sigma, basis, h, s);
    }

    private Double provisionalRobustSd(long roundId) {
        List<SubmittedResult> latest = results.latestOfRound(roundId);
        if (latest.size() < AlgorithmA.MIN_RESULTS) {
            return null;
        }
        AlgorithmAResult robust = AlgorithmA.compute(latest.stream().mapToDouble(SubmittedResult::value).toArray());
        return robust.degenerate() ? null : robust.robustStandardDeviation();
    }

    private static void requireUsable(ItemStudy study, double[][] items) {
        if (items == null || items.length == 0) {
            throw new PtInputException("items", "at least one item is required");
        }
        if (study == ItemStudy.HOMOGENEITY && items.length < HomogeneityCheck.MIN_ITEMS) {
            throw new PtInputException("items", "the homogeneity check needs at least " + HomogeneityCheck.MIN_ITEMS
                    + " items");
        }
        for (int i = 0; i < items.length; i++) {
            double[] item = items[i];
            if (item == null || item.length == 0) {
                throw new PtInputException("items[" + i + "]", "has no measurements");
            }
            if (study == ItemStudy.HOMOGENEITY && item.length != 2) {
                throw new PtInputException("items[" + i + "]", "the homogeneity check takes each item measured"
                        + " exactly twice, got " + item.length);
            }
            for (int j = 0; j < item.length; j++) {
                PtInputException.requireStorable(item[j], "items[" + i + "][" + j + "]");
            }
        }
    }

    private static double[] flatten(double[][] items) {
        return Arrays.stream(items).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private Round round(long roundId) {
        return rounds.find(roundId).orElseThrow(() -> new PtNotFoundException("PT round", roundId));
    }
}

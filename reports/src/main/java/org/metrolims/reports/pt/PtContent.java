package org.metrolims.reports.pt;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.metrolims.db.identity.OrganizationNames;
import org.metrolims.db.identity.Organizations;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemVerdicts;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.SubmittedResult;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scoring.LabRoundScore;
import org.metrolims.proficiency.scoring.StatedScore;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.metrolims.proficiency.statistics.LabHistory;
import org.metrolims.proficiency.statistics.Performance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the PT documents print, read from the proficiency services: the round's content (scheme, x_pt, sigma_pt,
 * item verdicts, every lab by code) and a lab's letter (the round and the lab's record in the scheme).
 */
@Component
public class PtContent {

    private final ProficiencyRounds rounds;
    private final ProficiencySchemes schemes;
    private final PtResults results;
    private final ItemStudies items;
    private final RoundScoring scoring;
    private final Organizations organizations;
    private final ZoneId zone;

    PtContent(ProficiencyRounds rounds, ProficiencySchemes schemes, PtResults results, ItemStudies items,
            RoundScoring scoring, Organizations organizations,
            @Value("${lims.province.zone:Asia/Shanghai}") ZoneId zone) {
        this.rounds = rounds;
        this.schemes = schemes;
        this.results = results;
        this.items = items;
        this.scoring = scoring;
        this.organizations = organizations;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The round's content; its date is the scoring date (an issued document prints its own date of issue). */
    public PtRoundReport round(Round round) {
        Scheme scheme = schemes.get(round.schemeId());
        Map<Long, SubmittedResult> byId = results.latestOfRound(round.id()).stream()
                .collect(Collectors.toMap(SubmittedResult::id, Function.identity()));
        List<PtRoundReport.Row> rows = new ArrayList<>();
        for (LabRoundScore s : scoring.scores(round.id())) {
            SubmittedResult r = byId.get(s.resultId());
            rows.add(new PtRoundReport.Row(s.labCode(), s.value(), r == null ? null : r.effectiveStandardUncertainty(),
                    s.z(), s.zPrime(), s.zeta(), s.en(), s.classification()));
        }
        ItemVerdicts verdicts = items.verdicts(round.id());
        var provider = organizations.names(scheme.providerCode())
                .orElse(new OrganizationNames(scheme.providerCode(), scheme.providerCode()));
        Round.Summary summary = round.summary();
        return new PtRoundReport(provider.zh(), provider.en(), scheme.code(), scheme.nameZh(), scheme.nameEn(),
                round.code(), scheme.measurandZh(), scheme.measurandEn(), scheme.unit(), date(summary),
                scheme.assignedValueMethod(), summary.assignedValue(), summary.assignedValueUncertainty(),
                scheme.sigmaPtMethod(), summary.sigmaPt(), scheme.scoreType(), summary.robustMean(),
                summary.robustSd(), verdicts.homogeneity(), verdicts.stability(), rows);
    }

    /**
     * The letter: the round's content (the template prints only this lab's row) and the lab's rounds of the same
     * scheme up to this one, oldest first, with the ISO 13528:2022 9.4.2 flags over them.
     *
     * @param reportedOnly only the lab's published rounds (what the lab itself sees)
     */
    public PtLabLetter letter(Round round, PtRoundReport content, Enrolment enrolment, boolean reportedOnly) {
        List<PtLabLetter.HistoryRow> history = new ArrayList<>();
        List<Performance> signals = new ArrayList<>();
        for (LabRoundScore s : scoring.history(enrolment.organizationId(), reportedOnly).rounds()) {
            if (!s.schemeCode().equals(content.schemeCode())) {
                continue;
            }
            Round earlier = s.roundId() == round.id() ? round : rounds.get(s.roundId());
            boolean negligible = earlier.summary() == null || earlier.summary().uncertaintyNegligible();
            StatedScore stated = StatedScore.of(s, content.scoreType(), negligible);
            history.add(new PtLabLetter.HistoryRow(s.roundCode(), date(earlier.summary()), s.labCode(), s.value(),
                    stated.name(), stated.value(), s.classification()));
            signals.add(s.classification());
            if (s.roundId() == round.id()) {
                break;
            }
        }
        boolean flagged = LabHistory.review(signals).flagged();
        return new PtLabLetter(content, enrolment.organizationNameZh(), enrolment.organizationNameEn(),
                enrolment.labCode(), history, flagged);
    }

    private LocalDate date(Round.Summary summary) {
        return summary == null ? null : summary.scoredAt().atZone(zone).toLocalDate();
    }
}

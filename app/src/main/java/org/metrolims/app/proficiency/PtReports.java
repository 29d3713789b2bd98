package org.metrolims.app.proficiency;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemVerdicts;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.SubmittedResult;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scoring.LabRoundScore;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.metrolims.proficiency.statistics.LabHistory;
import org.metrolims.reports.pt.PtLabLetter;
import org.metrolims.reports.pt.PtReportTemplates;
import org.metrolims.reports.pt.PtRoundReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF documents of a scored PT round: the final report (every lab by code only) and the letter to one lab (its
 * own result and scores, and its record in the scheme). Officers get both for any scored round; a lab gets the
 * report and its own letter of a round it is enrolled in once the scores are published (REPORTED), and 404 for a
 * round it is not in, as for anything of another lab. Rendered on request from the stored scores, which never
 * change once published.
 */
@Service
class PtReports {

    private final ProficiencyRounds rounds;
    private final ProficiencySchemes schemes;
    private final PtEnrolments enrolments;
    private final PtResults results;
    private final ItemStudies items;
    private final RoundScoring scoring;
    private final PtReportRepository repository;
    private final PtReportTemplates templates;
    private final ZoneId zone;

    PtReports(ProficiencyRounds rounds, ProficiencySchemes schemes, PtEnrolments enrolments, PtResults results,
            ItemStudies items, RoundScoring scoring, PtReportRepository repository, PtReportTemplates templates,
            @Value("${lims.province.zone:Asia/Shanghai}") ZoneId zone) {
        this.rounds = rounds;
        this.schemes = schemes;
        this.enrolments = enrolments;
        this.results = results;
        this.items = items;
        this.scoring = scoring;
        this.repository = repository;
        this.templates = templates;
        this.zone = zone;
    }

    /** The round's final report: an officer's for a scored round; a lab's once published, if it is in the round. */
    @Transactional(readOnly = true)
    public byte[] report(MetroLimsUser user, long roundId) {
        Round round = rounds.get(roundId);
        if (!PtAccess.requireOfficerOrLab(user)) {
            ownEnrolment(user, round);
            requireReported(round);
        }
        return templates.report(content(requireScored(round)));
    }

    /**
     * The letter to the lab with code {@code labCode}: officers any lab's of a scored round; a lab only its own
     * (the same as {@link #ownLetter}), and 404 for any other code, so that it learns nothing of other labs.
     */
    @Transactional(readOnly = true)
    public byte[] letter(MetroLimsUser user, long roundId, String labCode) {
        if (!PtAccess.requireOfficerOrLab(user)) {
            Round round = rounds.get(roundId);
            Enrolment own = ownEnrolment(user, round);
            if (!own.labCode().equals(labCode)) {
                throw new PtNotFoundException("lab code", labCode);
            }
            return ownLetter(user, roundId);
        }
        Round round = rounds.get(roundId);
        Enrolment enrolment = enrolments.ofRound(roundId).stream().filter(e -> e.labCode().equals(labCode))
                .findFirst().orElseThrow(() -> new PtNotFoundException("lab code", labCode));
        return templates.letter(letter(requireScored(round), enrolment, false));
    }

    /** The signed-in lab's own letter; 404 when it is not in the round or the scores are not published yet. */
    @Transactional(readOnly = true)
    public byte[] ownLetter(MetroLimsUser lab, long roundId) {
        PtAccess.requireLab(lab);
        Round round = rounds.get(roundId);
        Enrolment enrolment = ownEnrolment(lab, round);
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtNotFoundException("published PT round", roundId);
        }
        return templates.letter(letter(round, enrolment, true));
    }

    /** The lab's enrolment in the round; 404 when it is not enrolled (never applied, rejected or withdrawn). */
    private Enrolment ownEnrolment(MetroLimsUser lab, Round round) {
        return enrolments.own(round.id(), lab.organizationId())
                .filter(e -> e.status() == EnrolmentStatus.ENROLLED)
                .orElseThrow(() -> new PtNotFoundException("PT round", round.id()));
    }

    private static void requireReported(Round round) {
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtRuleException("NOT_REPORTED", null, "the report of round " + round.code()
                    + " is issued when its scores are published");
        }
    }

    private static Round requireScored(Round round) {
        if (!round.status().scored() || round.summary() == null) {
            throw new PtRuleException("NOT_SCORED", null, "round " + round.code() + " is " + round.status()
                    + ": its report is produced once it is scored");
        }
        return round;
    }

    PtRoundReport content(Round round) {
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
        var provider = repository.organizationNames(scheme.providerCode())
                .orElse(new PtReportRepository.Names(scheme.providerCode(), scheme.providerCode()));
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
     */
    private PtLabLetter letter(Round round, Enrolment enrolment, boolean reportedOnly) {
        PtRoundReport content = content(round);
        List<PtLabLetter.HistoryRow> history = new ArrayList<>();
        List<org.metrolims.proficiency.statistics.Performance> signals = new ArrayList<>();
        for (LabRoundScore s : scoring.history(enrolment.organizationId(), reportedOnly).rounds()) {
            if (!s.schemeCode().equals(content.schemeCode())) {
                continue;
            }
            Round earlier = s.roundId() == round.id() ? round : rounds.get(s.roundId());
            boolean negligible = earlier.summary() == null || earlier.summary().uncertaintyNegligible();
            String name;
            Double score;
            Double z = negligible ? s.z() : s.zPrime();
            String zName = negligible ? "z" : "z′";
            if (content.scoreType() == SchemeScoreType.ZETA && s.zeta() != null) {
                name = "ζ";
                score = s.zeta();
            } else if (content.scoreType() == SchemeScoreType.EN && s.en() != null) {
                name = "En";
                score = s.en();
            } else {
                name = zName;
                score = z;
            }
            history.add(new PtLabLetter.HistoryRow(s.roundCode(), date(earlier.summary()), s.labCode(), s.value(),
                    name, score, s.classification()));
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

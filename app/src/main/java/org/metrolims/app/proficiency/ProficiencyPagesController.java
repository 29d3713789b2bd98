package org.metrolims.app.proficiency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.FormErrors;
import org.metrolims.app.web.TableQuery;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemStudy;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.result.SubmittedResult;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.scoring.LabRoundScore;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.metrolims.reports.pt.PtDocuments;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The PT pages: the officer's round planner (rounds, and forms to set up a scheme and schedule a round) and round
 * page (enrolments with names, results by lab code and their histogram, homogeneity and stability verdicts, scores
 * and a z-score chart, and the forms of {@link ProficiencyActionsController}), and the lab's page (its rounds, a form
 * to submit its result or apply, its scores across rounds). A lab's page names no other lab.
 */
@Controller
class ProficiencyPagesController {

    private final ProficiencySchemes schemes;
    private final ProficiencyRounds rounds;
    private final PtEnrolments enrolments;
    private final PtResults results;
    private final ItemStudies items;
    private final RoundScoring scoring;
    private final PtDocuments documents;
    private final FormErrors formErrors;

    ProficiencyPagesController(ProficiencySchemes schemes, ProficiencyRounds rounds, PtEnrolments enrolments,
            PtResults results, ItemStudies items, RoundScoring scoring, PtDocuments documents, FormErrors formErrors) {
        this.documents = documents;
        this.formErrors = formErrors;
        this.schemes = schemes;
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.results = results;
        this.items = items;
        this.scoring = scoring;
    }

    /** The sort keys of the rounds table (the first is the default, newest first). */
    static final List<String> ROUND_SORTS = List.of("opens", "code", "scheme", "status", "deadline");

    @GetMapping("/pt/rounds")
    String roundList(@AuthenticationPrincipal MetroLimsUser user, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        PtAccess.requireOfficer(user);
        TableQuery table = TableQuery.of(request, ROUND_SORTS, true, "status");
        RoundStatus status = java.util.Arrays.stream(RoundStatus.values())
                .filter(v -> v.name().equals(table.filter("status"))).findFirst().orElse(null); // unknown: any
        model.addAttribute("table", table);
        model.addAttribute("roundStatuses", RoundStatus.values());
        model.addAttribute("rounds", rounds.page(table.text(), status, table.sort(), table.descending(),
                table.pageRequest()));
        model.addAttribute("schemes", schemes.all());
        model.addAttribute("disciplines", schemes.disciplines());
        model.addAttribute("assignedValueMethods", AssignedValueMethod.values());
        model.addAttribute("sigmaPtMethods", SigmaPtMethod.values());
        model.addAttribute("scoreTypes", SchemeScoreType.values());
        model.addAttribute("providerCode", user.organizationCode());
        return "proficiency/rounds";
    }

    @GetMapping("/pt/rounds/{id}")
    String round(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, Model model) {
        PtAccess.requireOfficer(user);
        Round round = rounds.get(id);
        List<LabRoundScore> scores = scoring.scores(id);
        List<SubmittedResult> latest = results.latestOfRound(id);
        model.addAttribute("round", round);
        model.addAttribute("documents", documents.history(round));
        model.addAttribute("enrolments", enrolments.ofRound(id));
        model.addAttribute("eligibleLabs", enrolments.eligible(id));
        model.addAttribute("results", latest);
        model.addAttribute("verdicts", items.verdicts(id));
        model.addAttribute("studies", ItemStudy.values());
        model.addAttribute("scores", scores);
        model.addAttribute("chart", scores.isEmpty() ? null : ZScoreChart.of(scores));
        double[] values = latest.stream().mapToDouble(SubmittedResult::value).toArray();
        ResultHistogram histogram = latest.isEmpty() ? null : ResultHistogram.of(values,
                round.summary() == null ? null : round.summary().assignedValue(),
                round.summary() == null ? null : round.summary().sigmaPt());
        model.addAttribute("histogram", histogram);
        // the kernel density beside it (ISO 13528:2022 10.3), on the same axis
        model.addAttribute("density", histogram == null ? null : DensityPlot.of(values, histogram));
        return "proficiency/round";
    }

    /**
     * One of the lab's rounds as its page shows it: the round in the lab's model ({@link PtApiModels.LabRound}, no
     * reference value or statistics before publication). Public for the templates.
     */
    public record MyRound(PtApiModels.LabRound round, String labCode, String enrolmentStatus, SubmittedResult latest,
            boolean canSubmit, boolean canApply) {
    }

    @GetMapping("/pt/my")
    String my(@AuthenticationPrincipal MetroLimsUser user, Model model) {
        PtAccess.requireLab(user);
        List<MyRound> mine = new ArrayList<>();
        for (Round r : rounds.visibleTo(user.organizationId())) {
            Optional<Enrolment> own = enrolments.own(r.id(), user.organizationId());
            List<SubmittedResult> revisions = results.ownRevisions(r.id(), user.organizationId());
            boolean enrolled = own.map(e -> e.status().name().equals("ENROLLED")).orElse(false);
            mine.add(new MyRound(PtApiModels.LabRound.of(r, own), own.map(Enrolment::labCode).orElse(null),
                    own.map(e -> e.status().name()).orElse(null), revisions.isEmpty() ? null : revisions.getLast(),
                    enrolled && r.status() == RoundStatus.DISPATCHED,
                    own.isEmpty() && enrolments.mayApply(r.id(), user.organizationId())));
        }
        model.addAttribute("myRounds", mine);
        var record = scoring.history(user.organizationId(), true);
        model.addAttribute("history", PtApiModels.OwnRecord.of(record));
        // each round's score exactly as its signed letter states it (same type, same rounding)
        java.util.Map<Long, org.metrolims.proficiency.scoring.StatedScore> stated = new java.util.HashMap<>();
        for (var s : record.rounds()) {
            Round r = rounds.get(s.roundId());
            stated.put(s.roundId(), org.metrolims.proficiency.scoring.StatedScore.of(s,
                    schemes.get(r.schemeId()).scoreType(),
                    r.summary() == null || r.summary().uncertaintyNegligible()));
        }
        model.addAttribute("stated", stated);
        return "proficiency/my";
    }

    /** A lab's result: the value, its standard uncertainty and the method, the numbers bound as numbers. */
    record ResultForm(@NotNull Double value, Double standardUncertainty, String method) {
    }

    @PostMapping("/pt/my/rounds/{id}/results")
    String submit(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @Valid @ModelAttribute ResultForm form, BindingResult bound, RedirectAttributes redirect) {
        PtAccess.requireLab(user);
        if (bound.hasErrors()) { // shown to the lab like a refusal, in its language; nothing was tried
            redirect.addFlashAttribute("refused", formErrors.line(bound));
            return "redirect:/pt/my";
        }
        try {
            SubmittedResult stored = results.submit(id, user.organizationId(), new ResultSubmission(form.value(),
                    form.standardUncertainty(), null, null, blank(form.method()) ? null : form.method().strip(),
                    null), user.getUsername());
            redirect.addFlashAttribute("submittedRevision", stored.revision());
        } catch (PtInputException | PtRuleException e) {
            // shown to the lab on the page it returns to; nothing was stored
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/pt/my";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

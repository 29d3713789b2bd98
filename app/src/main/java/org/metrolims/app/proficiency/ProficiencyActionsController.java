package org.metrolims.app.proficiency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.metrolims.app.web.FormErrors;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.SignatureRefusedException;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemStudy;
import org.metrolims.proficiency.round.NewRound;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundSchedule;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.NewScheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What officers do on the PT pages (set up a scheme, schedule a round, move it through its lifecycle, enrol labs,
 * decide applications, record item measurements, score it) and a lab's application to an open round. Each action
 * is a form post that calls the same service the API calls and redirects back to the page (Post/Redirect/Get): on
 * success with {@code done} naming the action, on a refusal with {@code refused} carrying the reason, shown on the
 * page; a refused action has stored nothing. Anyone but an officer (a lab for its application) gets 403.
 */
@Controller
class ProficiencyActionsController {

    private final ProficiencySchemes schemes;
    private final ProficiencyRounds rounds;
    private final PtEnrolments enrolments;
    private final ItemStudies items;
    private final RoundScoring scoring;
    private final PtPublication publication;
    private final FormErrors formErrors;

    ProficiencyActionsController(ProficiencySchemes schemes, ProficiencyRounds rounds, PtEnrolments enrolments,
            ItemStudies items, RoundScoring scoring, PtPublication publication, FormErrors formErrors) {
        this.formErrors = formErrors;
        this.schemes = schemes;
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.items = items;
        this.scoring = scoring;
        this.publication = publication;
    }

    /** The scheme form; its choices and its number are bound to their types. */
    record SchemeForm(String code, String nameZh, String nameEn, String disciplineCode, String measurandZh,
            String measurandEn, String unit, String providerCode, @NotNull AssignedValueMethod assignedValueMethod,
            @NotNull SigmaPtMethod sigmaPtMethod, Double sigmaPt, @NotNull SchemeScoreType scoreType) {
    }

    /** The round planner's form: dates as dates, the submission deadline as a UTC date and time. */
    record RoundForm(@NotNull Long schemeId, String code,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolmentOpensOn,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolmentClosesOn,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dispatchOn,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime submissionDeadline,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDueOn, Double referenceValue,
            Double referenceUncertainty) {
    }

    /** A round's next status; publishing (REPORTED) is signed with the password. */
    record StatusForm(@NotNull RoundStatus status, String password) {
    }

    /** The lab to enrol. */
    record EnrolmentForm(String organizationCode) {
    }

    /** An officer's decision on an application, with the reason. */
    record DecisionForm(@NotNull EnrolmentStatus decision, String reason) {
    }

    /** One study's measurements, as typed: the lines are read by {@link #itemLines}. */
    record ItemsForm(@NotNull ItemStudy study, String measurements) {
    }

    @PostMapping("/pt/schemes")
    String createScheme(@AuthenticationPrincipal MetroLimsUser user, @Valid @ModelAttribute SchemeForm form,
            BindingResult bound, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        if (refused(redirect, bound)) {
            return "redirect:/pt/rounds";
        }
        attempt(redirect, "scheme", () -> schemes.create(new NewScheme(text(form.code()), text(form.nameZh()),
                text(form.nameEn()), form.disciplineCode(), text(form.measurandZh()), text(form.measurandEn()),
                text(form.unit()), text(form.providerCode()), form.assignedValueMethod(), form.sigmaPtMethod(),
                form.sigmaPt(), form.scoreType()), user.getUsername()));
        return "redirect:/pt/rounds";
    }

    @PostMapping("/pt/rounds")
    String scheduleRound(@AuthenticationPrincipal MetroLimsUser user, @Valid @ModelAttribute RoundForm form,
            BindingResult bound, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        if (refused(redirect, bound)) {
            return "redirect:/pt/rounds";
        }
        Round created = attempt(redirect, "round", () -> rounds.schedule(new NewRound(form.schemeId(),
                text(form.code()),
                new RoundSchedule(form.enrolmentOpensOn(), form.enrolmentClosesOn(), form.dispatchOn(),
                        form.submissionDeadline().toInstant(ZoneOffset.UTC), form.reportDueOn()),
                form.referenceValue(), form.referenceUncertainty()), user.getUsername()));
        return created == null ? "redirect:/pt/rounds" : back(created.id());
    }

    /** Moves the round to its next status: OPEN, DISPATCHED, CLOSED or REPORTED (scoring has its own action). */
    @PostMapping("/pt/rounds/{id}/status")
    String transition(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @Valid @ModelAttribute StatusForm form, BindingResult bound, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        if (refused(redirect, bound)) {
            return back(id);
        }
        try {
            attempt(redirect, "status", () -> form.status() == RoundStatus.REPORTED
                    ? publication.publish(user, id, form.password())
                    : rounds.transition(id, form.status(), user.getUsername()));
        } catch (SignatureRefusedException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return back(id);
    }

    @PostMapping("/pt/rounds/{id}/enrolments")
    String enrol(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute EnrolmentForm form, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        attempt(redirect, "enrolled", () -> enrolments.enrol(id, form.organizationCode(), user.getUsername()));
        return back(id);
    }

    @PostMapping("/pt/rounds/{id}/enrolments/{labCode}/decision")
    String decide(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, @PathVariable String labCode,
            @Valid @ModelAttribute DecisionForm form, BindingResult bound, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        if (refused(redirect, bound)) {
            return back(id);
        }
        attempt(redirect, "decided", () -> enrolments.decide(id, labCode, form.decision(), user.getUsername(),
                text(form.reason())));
        return back(id);
    }

    /** Records one study's measurements, one item a line, its replicates separated by commas (or spaces). */
    @PostMapping("/pt/rounds/{id}/items")
    String recordItems(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @Valid @ModelAttribute ItemsForm form, BindingResult bound, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        if (refused(redirect, bound)) {
            return back(id);
        }
        attempt(redirect, "items", () -> items.record(id, form.study(), itemLines(form.measurements()),
                user.getUsername()));
        return back(id);
    }

    @PostMapping("/pt/rounds/{id}/scoring")
    String score(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        attempt(redirect, "scored", () -> scoring.score(id, user.getUsername()));
        return back(id);
    }

    /** A lab applies to an open round; an officer then decides. */
    @PostMapping("/pt/my/rounds/{id}/application")
    String apply(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, RedirectAttributes redirect) {
        PtAccess.requireLab(user);
        if (rounds.visibleTo(user.organizationId()).stream().noneMatch(r -> r.id() == id)) {
            throw new PtNotFoundException("PT round", id);
        }
        attempt(redirect, "applied", () -> enrolments.apply(id, user.organizationId(), user.getUsername()));
        return "redirect:/pt/my";
    }

    /**
     * Runs the action; on a refusal by the PT rules or bad input puts the reason in the flash and returns null (the
     * service has stored nothing: each is one transaction that throws before it writes or rolls back).
     */
    private static <T> T attempt(RedirectAttributes redirect, String action, Supplier<T> work) {
        try {
            T result = work.get();
            redirect.addFlashAttribute("done", action);
            return result;
        } catch (PtInputException e) {
            redirect.addFlashAttribute("refused", e.field() + ": " + e.getMessage());
        } catch (PtRuleException | PtNotFoundException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return null;
    }

    private static String back(long roundId) {
        return "redirect:/pt/rounds/" + roundId;
    }

    /** Lines of "a,b" (or "a b", "a;b"): item i + 1 is line i; blank lines are skipped. */
    static double[][] itemLines(String text) {
        List<double[]> rows = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\s*[,;\\s]\\s*");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new PtInputException("measurements", "line " + (i + 1) + ": '" + cells[j]
                            + "' is not a number");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new PtInputException("measurements", "give one line per item, its replicates separated by commas");
        }
        return rows.toArray(double[][]::new);
    }

    /**
     * A form whose values could not be bound (a date that is not one, a choice not offered, a required value left
     * out) is refused like the service's refusals, naming the field, in the officer's language; nothing is tried.
     */
    private boolean refused(RedirectAttributes redirect, BindingResult bound) {
        if (!bound.hasErrors()) {
            return false;
        }
        redirect.addFlashAttribute("refused", formErrors.line(bound));
        return true;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

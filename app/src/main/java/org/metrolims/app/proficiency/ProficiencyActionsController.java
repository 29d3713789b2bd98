package org.metrolims.app.proficiency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    ProficiencyActionsController(ProficiencySchemes schemes, ProficiencyRounds rounds, PtEnrolments enrolments,
            ItemStudies items, RoundScoring scoring, PtPublication publication) {
        this.schemes = schemes;
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.items = items;
        this.scoring = scoring;
        this.publication = publication;
    }

    @PostMapping("/pt/schemes")
    String createScheme(@AuthenticationPrincipal MetroLimsUser user, @RequestParam String code,
            @RequestParam String nameZh, @RequestParam String nameEn, @RequestParam String disciplineCode,
            @RequestParam String measurandZh, @RequestParam String measurandEn, @RequestParam String unit,
            @RequestParam String providerCode, @RequestParam String assignedValueMethod,
            @RequestParam String sigmaPtMethod, @RequestParam(required = false) String sigmaPt,
            @RequestParam String scoreType, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        attempt(redirect, "scheme", () -> schemes.create(new NewScheme(code.strip(), nameZh.strip(), nameEn.strip(),
                disciplineCode, measurandZh.strip(), measurandEn.strip(), unit.strip(), providerCode.strip(),
                choice(AssignedValueMethod.class, assignedValueMethod, "assignedValueMethod"),
                choice(SigmaPtMethod.class, sigmaPtMethod, "sigmaPtMethod"), optionalNumber(sigmaPt, "sigmaPt"),
                choice(SchemeScoreType.class, scoreType, "scoreType")), user.getUsername()));
        return "redirect:/pt/rounds";
    }

    /** Schedules a round; the deadline is a date and time in UTC ({@code yyyy-MM-ddTHH:mm}, as datetime-local). */
    @PostMapping("/pt/rounds")
    String scheduleRound(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(required = false) String schemeId,
            @RequestParam String code, @RequestParam String enrolmentOpensOn, @RequestParam String enrolmentClosesOn,
            @RequestParam String dispatchOn, @RequestParam String submissionDeadline, @RequestParam String reportDueOn,
            @RequestParam(required = false) String referenceValue,
            @RequestParam(required = false) String referenceUncertainty, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        Round created = attempt(redirect, "round", () -> rounds.schedule(new NewRound(id(schemeId, "schemeId"),
                code.strip(),
                new RoundSchedule(date(enrolmentOpensOn, "enrolmentOpensOn"),
                        date(enrolmentClosesOn, "enrolmentClosesOn"), date(dispatchOn, "dispatchOn"),
                        instant(submissionDeadline, "submissionDeadline"), date(reportDueOn, "reportDueOn")),
                optionalNumber(referenceValue, "referenceValue"),
                optionalNumber(referenceUncertainty, "referenceUncertainty")), user.getUsername()));
        return created == null ? "redirect:/pt/rounds" : "redirect:/pt/rounds/" + created.id();
    }

    /** Moves the round to its next status: OPEN, DISPATCHED, CLOSED or REPORTED (scoring has its own action). */
    @PostMapping("/pt/rounds/{id}/status")
    String transition(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam String status, @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        try {
            attempt(redirect, "status", () -> RoundStatus.REPORTED.name().equals(status)
                    ? publication.publish(user, id, password)
                    : rounds.transition(id, choice(RoundStatus.class, status, "status"), user.getUsername()));
        } catch (SignatureRefusedException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return back(id);
    }

    @PostMapping("/pt/rounds/{id}/enrolments")
    String enrol(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) String organizationCode, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        attempt(redirect, "enrolled", () -> enrolments.enrol(id, organizationCode, user.getUsername()));
        return back(id);
    }

    @PostMapping("/pt/rounds/{id}/enrolments/{labCode}/decision")
    String decide(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, @PathVariable String labCode,
            @RequestParam String decision, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        attempt(redirect, "decided", () -> enrolments.decide(id, labCode,
                choice(EnrolmentStatus.class, decision, "decision"), user.getUsername(),
                reason == null || reason.isBlank() ? null : reason.strip()));
        return back(id);
    }

    /** Records one study's measurements, one item a line, its replicates separated by commas (or spaces). */
    @PostMapping("/pt/rounds/{id}/items")
    String recordItems(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam String study, @RequestParam String measurements, RedirectAttributes redirect) {
        PtAccess.requireOfficer(user);
        attempt(redirect, "items", () -> items.record(id, choice(ItemStudy.class, study, "study"),
                itemLines(measurements), user.getUsername()));
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

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PtInputException(field, "'" + value + "' is not one of the choices");
        }
    }

    private static Double optionalNumber(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new PtInputException(field, "'" + value + "' is not a number");
        }
    }

    private static long id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PtInputException(field, "is required");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new PtInputException(field, "'" + value + "' is not an id");
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PtInputException(field, "is required");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new PtInputException(field, "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PtInputException(field, "is required");
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new PtInputException(field, "'" + value + "' is not a date and time (yyyy-mm-ddThh:mm, UTC)");
        }
    }
}

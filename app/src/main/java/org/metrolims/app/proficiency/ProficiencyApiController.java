package org.metrolims.app.proficiency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.metrolims.app.proficiency.PtApiModels.CodedScore;
import org.metrolims.app.proficiency.PtApiModels.Decision;
import org.metrolims.app.proficiency.PtApiModels.EnrolRequest;
import org.metrolims.app.proficiency.PtApiModels.ItemData;
import org.metrolims.app.proficiency.PtApiModels.LabRound;
import org.metrolims.app.proficiency.PtApiModels.LabScheme;
import org.metrolims.app.proficiency.PtApiModels.LateResult;
import org.metrolims.app.proficiency.PtApiModels.OwnEnrolment;
import org.metrolims.app.proficiency.PtApiModels.OwnRecord;
import org.metrolims.app.proficiency.PtApiModels.StatusChange;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemVerdicts;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.result.SubmittedResult;
import org.metrolims.proficiency.round.NewRound;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.NewScheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scoring.LabRecord;
import org.metrolims.proficiency.scoring.LabRoundScore;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.metrolims.proficiency.scoring.ScoredRound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for proficiency testing: schemes, rounds and their lifecycle, enrolment, result submission, item
 * homogeneity/stability data, scoring, scores and lab history. Officers see everything; other roles get 403. A lab
 * gets its own response models ({@link PtApiModels}) and the round is blind to it: it sees rounds open for
 * application and those it has applied to, its own enrolment and results, and nothing of the reference value, its
 * uncertainty, sigma_pt, the robust statistics or any score until the round is REPORTED; then, if it took part
 * (ENROLLED), what the final report prints, other labs by code only.
 */
@RestController
@RequestMapping("/api/pt")
@Tag(name = "Proficiency testing", description = "PT schemes, rounds, enrolment, results, scores (ISO 13528)")
class ProficiencyApiController {

    private final ProficiencySchemes schemes;
    private final ProficiencyRounds rounds;
    private final PtEnrolments enrolments;
    private final PtResults results;
    private final ItemStudies items;
    private final RoundScoring scoring;
    private final PtPublication publication;

    ProficiencyApiController(ProficiencySchemes schemes, ProficiencyRounds rounds, PtEnrolments enrolments,
            PtResults results, ItemStudies items, RoundScoring scoring, PtPublication publication) {
        this.schemes = schemes;
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.results = results;
        this.items = items;
        this.scoring = scoring;
        this.publication = publication;
    }

    @GetMapping("/schemes")
    @Operation(summary = "PT schemes in code order (a lab: without a fixed sigma_pt's value)")
    List<?> schemes(@AuthenticationPrincipal MetroLimsUser user) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return schemes.all();
        }
        return schemes.all().stream().map(LabScheme::of).toList();
    }

    @PostMapping("/schemes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set up a scheme (officers)")
    Scheme createScheme(@AuthenticationPrincipal MetroLimsUser user, @RequestBody NewScheme scheme) {
        PtAccess.requireOfficer(user);
        return schemes.create(scheme, user.getUsername());
    }

    @GetMapping("/rounds")
    @Operation(summary = "Rounds, latest first: all for officers; for a lab those open for application or that it "
            + "applied to, without reference value or statistics until they are published to it")
    List<?> rounds(@AuthenticationPrincipal MetroLimsUser user) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return rounds.all();
        }
        return rounds.visibleTo(user.organizationId()).stream().map(r -> labRound(user, r)).toList();
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a round in DRAFT (officers); dates must be in order")
    Round schedule(@AuthenticationPrincipal MetroLimsUser user, @RequestBody NewRound round) {
        PtAccess.requireOfficer(user);
        return rounds.schedule(round, user.getUsername());
    }

    @GetMapping("/rounds/{id}")
    @Operation(summary = "A round: all of it for officers; for a lab as in the list")
    Object round(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        Round round = visibleRound(user, id);
        return PtAccess.isOfficer(user) ? round : labRound(user, round);
    }

    @PostMapping("/rounds/{id}/status")
    @Operation(summary = "Move the round to its next status: OPEN, DISPATCHED, CLOSED or REPORTED (officers); "
            + "REPORTED publishes the scores and is an electronic signature: send the officer's password too")
    Round transition(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody StatusChange change) {
        PtAccess.requireOfficer(user);
        if (change.status() == RoundStatus.REPORTED) {
            return publication.publish(user, id, change.password());
        }
        return rounds.transition(id, change.status(), user.getUsername());
    }

    @GetMapping("/rounds/{id}/enrolments")
    @Operation(summary = "Officers: every enrolment with the lab's name; a lab: its own only")
    List<?> enrolments(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return enrolments.ofRound(id);
        }
        visibleRound(user, id);
        return enrolments.own(id, user.organizationId()).map(OwnEnrolment::of).stream().toList();
    }

    @PostMapping("/rounds/{id}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An officer enrols a lab ({\"organizationCode\"}); a lab applies for itself (no body)")
    Object enrol(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody(required = false) EnrolRequest request) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return enrolments.enrol(id, request == null ? null : request.organizationCode(), user.getUsername());
        }
        visibleRound(user, id);
        return OwnEnrolment.of(enrolments.apply(id, user.organizationId(), user.getUsername()));
    }

    @PostMapping("/rounds/{id}/enrolments/{labCode}/decision")
    @Operation(summary = "Enrol or reject a lab's application (officers)")
    Object decide(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, @PathVariable String labCode,
            @RequestBody Decision decision) {
        PtAccess.requireOfficer(user);
        return enrolments.decide(id, labCode, decision.decision(), user.getUsername(), decision.reason());
    }

    @GetMapping("/rounds/{id}/results")
    @Operation(summary = "Officers: the latest result of every lab (by code); a lab: every revision of its own")
    List<SubmittedResult> results(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return results.latestOfRound(id);
        }
        visibleRound(user, id);
        return results.ownRevisions(id, user.organizationId());
    }

    @PostMapping("/rounds/{id}/results")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A lab submits its result until the deadline; a resubmission is a new revision")
    SubmittedResult submit(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody ResultSubmission submission) {
        PtAccess.requireLab(user);
        return results.submit(id, user.organizationId(), submission, user.getUsername());
    }

    @PostMapping("/rounds/{id}/results/{labCode}/late")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accept a result after the deadline, marked late (officers)")
    SubmittedResult acceptLate(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable String labCode, @RequestBody LateResult late) {
        PtAccess.requireOfficer(user);
        if (late.reason() == null || late.reason().isBlank()) {
            throw new PtInputException("reason", "is required for a late result");
        }
        return results.acceptLate(id, labCode, late.submission(), user.getUsername(), late.reason());
    }

    @PostMapping("/rounds/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record homogeneity or stability measurements once per study (officers)")
    ItemVerdicts recordItems(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody ItemData data) {
        PtAccess.requireOfficer(user);
        return items.record(id, data.study(), data.items(), user.getUsername());
    }

    @GetMapping("/rounds/{id}/items/verdicts")
    @Operation(summary = "Homogeneity (ISO 13528 B.2) and stability (B.5) verdicts (officers)")
    ItemVerdicts itemVerdicts(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        PtAccess.requireOfficer(user);
        return items.verdicts(id);
    }

    @PostMapping("/rounds/{id}/scoring")
    @Operation(summary = "Score a CLOSED round: assigned value, sigma_pt, z/z'/zeta/En per lab; status SCORED")
    ScoredRound score(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        PtAccess.requireOfficer(user);
        return scoring.score(id, user.getUsername());
    }

    @GetMapping("/rounds/{id}/scores")
    @Operation(summary = "Officers: scores with lab names; a lab that took part (once the report is issued): every "
            + "lab by code")
    List<?> scores(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return scoring.scores(id);
        }
        Round round = visibleRound(user, id);
        if (!PtApiModels.participant(enrolments.own(id, user.organizationId()))) {
            // applied, rejected or withdrawn: the report is for those who took part
            throw new PtNotFoundException("PT round", id);
        }
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtRuleException("NOT_REPORTED", null, "the scores of round " + round.code()
                    + " are published with its report");
        }
        return scoring.scores(id).stream().map(s -> CodedScore.of(s, user.organizationId())).toList();
    }

    @GetMapping("/my/history")
    @Operation(summary = "The signed-in lab's scores across reported rounds, with flags (labs)")
    OwnRecord myHistory(@AuthenticationPrincipal MetroLimsUser user) {
        PtAccess.requireLab(user);
        return OwnRecord.of(scoring.history(user.organizationId(), true));
    }

    @GetMapping("/labs/{organizationId}/history")
    @Operation(summary = "A lab's scores across all scored rounds, with flags (officers)")
    LabRecord labHistory(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long organizationId) {
        PtAccess.requireOfficer(user);
        return scoring.history(organizationId, false);
    }

    private LabRound labRound(MetroLimsUser lab, Round round) {
        return LabRound.of(round, enrolments.own(round.id(), lab.organizationId()));
    }

    /** The round, if the user may see it: officers any, labs those open or that they are in (else 404). */
    private Round visibleRound(MetroLimsUser user, long id) {
        if (PtAccess.requireOfficerOrLab(user)) {
            return rounds.get(id);
        }
        return rounds.visibleTo(user.organizationId()).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new PtNotFoundException("PT round", id));
    }
}

package org.metrolims.proficiency.result;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.result.SubmissionRefusedException.Reason;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.RoundStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of enrolled labs. A lab submits while the items are out (round DISPATCHED) until the deadline; each
 * submission is a new revision and the latest counts. After the deadline only an officer can accept a result, which
 * is then marked late with the officer's name.
 */
@Service
public class PtResults {

    private final ResultRepository results;
    private final PtEnrolments enrolments;
    private final ProficiencyRounds rounds;
    private final PtAudit audit;
    private final Clock clock;

    @Autowired
    public PtResults(ResultRepository results, PtEnrolments enrolments, ProficiencyRounds rounds, PtAudit audit) {
        this(results, enrolments, rounds, audit, Clock.systemUTC());
    }

    public PtResults(ResultRepository results, PtEnrolments enrolments, ProficiencyRounds rounds, PtAudit audit,
            Clock clock) {
        this.results = results;
        this.enrolments = enrolments;
        this.rounds = rounds;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The same results on another clock, over the given enrolments and rounds: a caller that replays dated events
     * (the demo province's past rounds) submits at a date of its own.
     */
    public PtResults with(PtEnrolments enrolments, ProficiencyRounds rounds, Clock clock) {
        return new PtResults(results, enrolments, rounds, audit, clock);
    }

    /**
     * A lab submits (or resubmits) its result before the deadline. Submissions of one lab are serialised (see
     * {@link #store}); read committed, so that each sees the revisions committed before it.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public SubmittedResult submit(long roundId, long organizationId, ResultSubmission submission, String actor) {
        Round round = round(roundId);
        Enrolment enrolment = enrolments.own(roundId, organizationId)
                .filter(e -> e.status() == EnrolmentStatus.ENROLLED)
                .orElseThrow(() -> new SubmissionRefusedException(Reason.NOT_ENROLLED,
                        "your organization is not enrolled in round " + round.code()));
        Instant now = clock.instant();
        if (round.status() == RoundStatus.DISPATCHED && round.deadlinePassed(now)
                || round.status() == RoundStatus.CLOSED) {
            throw new SubmissionRefusedException(Reason.DEADLINE_PASSED, "the submission deadline "
                    + round.schedule().submissionDeadline() + " has passed; ask the PT officer to accept a late result");
        }
        if (round.status() != RoundStatus.DISPATCHED) {
            throw new SubmissionRefusedException(Reason.ROUND_NOT_TAKING_RESULTS, "round " + round.code() + " is "
                    + round.status() + ": results are taken once the items are dispatched, until the deadline");
        }
        return store(enrolment, submission, actor, now, false, null, null);
    }

    /** An officer accepts a result that arrived after the deadline; it is stored as late, with the officer's name. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public SubmittedResult acceptLate(long roundId, String labCode, ResultSubmission submission, String officer,
            String reason) {
        Round round = round(roundId);
        Enrolment enrolment = enrolments.findByLabCode(roundId, labCode)
                .orElseThrow(() -> new PtNotFoundException("lab code", labCode));
        if (enrolment.status() != EnrolmentStatus.ENROLLED) {
            throw new SubmissionRefusedException(Reason.NOT_ENROLLED, "lab " + labCode + " is " + enrolment.status());
        }
        Instant now = clock.instant();
        if (round.status() != RoundStatus.DISPATCHED && round.status() != RoundStatus.CLOSED) {
            throw new SubmissionRefusedException(Reason.ROUND_NOT_TAKING_RESULTS, "round " + round.code() + " is "
                    + round.status() + ": late results are accepted until it is scored");
        }
        if (!round.deadlinePassed(now)) {
            throw new SubmissionRefusedException(Reason.NOT_LATE, "the deadline "
                    + round.schedule().submissionDeadline() + " has not passed: the lab submits its result itself");
        }
        return store(enrolment, submission, officer, now, true, officer, reason);
    }

    /** The latest revision of every enrolled lab's result (officers). */
    @Transactional(readOnly = true)
    public List<SubmittedResult> latestOfRound(long roundId) {
        round(roundId);
        return results.latestOfRound(roundId);
    }

    /** Every revision of the lab's own result in the round, oldest first; empty when it is not in the round. */
    @Transactional(readOnly = true)
    public List<SubmittedResult> ownRevisions(long roundId, long organizationId) {
        return enrolments.own(roundId, organizationId).map(e -> results.revisions(e.id())).orElse(List.of());
    }

    private SubmittedResult store(Enrolment enrolment, ResultSubmission s, String actor, Instant now, boolean late,
            String acceptedBy, String reason) {
        // one lab's submissions queue on its enrolment row, so that simultaneous ones become revisions n, n + 1
        enrolments.lock(enrolment.id());
        List<SubmittedResult> previous = results.revisions(enrolment.id());
        long id = results.insertNextRevision(enrolment.id(), s, actor, now, late, acceptedBy);
        SubmittedResult stored = results.get(id);
        audit.record(actor, late ? "ACCEPT_LATE" : "SUBMIT", "pt_result", id,
                previous.isEmpty() ? null : state(previous.getLast()), state(stored), reason);
        return stored;
    }

    private Round round(long roundId) {
        return rounds.find(roundId).orElseThrow(() -> new PtNotFoundException("PT round", roundId));
    }

    private static Map<String, Object> state(SubmittedResult r) {
        return PtAudit.fields("labCode", r.labCode(), "revision", r.revision(), "value", r.value(),
                "standardUncertainty", r.standardUncertainty(), "expandedUncertainty", r.expandedUncertainty(),
                "coverageFactor", r.coverageFactor(), "method", r.method(), "remarks", r.remarks(),
                "late", r.late(), "acceptedBy", r.acceptedBy());
    }
}

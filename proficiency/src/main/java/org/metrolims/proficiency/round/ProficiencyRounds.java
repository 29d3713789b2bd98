package org.metrolims.proficiency.round;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules PT rounds and moves them through their lifecycle: draft, open for enrolment, items dispatched (needs an
 * enrolled lab), results closed (only after the submission deadline), scored (only by
 * {@link org.metrolims.proficiency.scoring.RoundScoring}), report issued.
 */
@Service
public class ProficiencyRounds {

    private final RoundRepository rounds;
    private final ProficiencySchemes schemes;
    private final PtAudit audit;
    private final Clock clock;

    @Autowired
    public ProficiencyRounds(RoundRepository rounds, ProficiencySchemes schemes, PtAudit audit) {
        this(rounds, schemes, audit, Clock.systemUTC());
    }

    public ProficiencyRounds(RoundRepository rounds, ProficiencySchemes schemes, PtAudit audit, Clock clock) {
        this.rounds = rounds;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The same rounds on another clock: a caller that replays dated events (the demo province's past rounds) plans,
     * opens and closes each at its own date.
     */
    public ProficiencyRounds at(Clock clock) {
        return new ProficiencyRounds(rounds, schemes, audit, clock);
    }

    /** A new round in DRAFT. The reference value is required exactly when the scheme's x_pt is not a consensus. */
    @Transactional
    public Round schedule(NewRound round, String actor) {
        Scheme scheme = schemes.find(round.schemeId())
                .orElseThrow(() -> new PtInputException("schemeId", "no PT scheme " + round.schemeId()));
        if (scheme.assignedValueMethod().needsReferenceValue() && round.referenceValue() == null) {
            throw new PtInputException("referenceValue", "scheme " + scheme.code() + " takes its assigned value by "
                    + scheme.assignedValueMethod() + ": give the value and its standard uncertainty");
        }
        if (!scheme.assignedValueMethod().needsReferenceValue() && round.referenceValue() != null) {
            throw new PtInputException("referenceValue", "scheme " + scheme.code()
                    + " takes the consensus of the results as assigned value: no reference value");
        }
        if (rounds.codeExists(round.code())) {
            throw new PtRuleException("DUPLICATE_ROUND_CODE", "code", "a round with code " + round.code()
                    + " exists already");
        }
        long id = rounds.insert(round, actor);
        Round created = get(id);
        audit.record(actor, "CREATE", "pt_round", id, null, state(created), null);
        return created;
    }

    /** Moves the round to {@code target}, which must be the next status of its lifecycle. */
    @Transactional
    public Round transition(long roundId, RoundStatus target, String actor) {
        Round round = get(roundId);
        RoundStatus from = round.status();
        if (target == null) {
            throw new PtInputException("status", "is required");
        }
        if (round.status().next().filter(target::equals).isEmpty()) {
            throw new IllegalTransitionException(from, target, from == RoundStatus.REPORTED
                    ? "its report is issued" : "the next status is " + from.next().orElseThrow());
        }
        switch (target) {
            case DISPATCHED -> {
                if (rounds.countEnrolled(roundId) == 0) {
                    throw new IllegalTransitionException(from, target, "no lab is enrolled");
                }
            }
            case CLOSED -> {
                if (!round.deadlinePassed(clock.instant())) {
                    throw new IllegalTransitionException(from, target, "the submission deadline "
                            + round.schedule().submissionDeadline() + " has not passed");
                }
            }
            case SCORED -> throw new IllegalTransitionException(from, target,
                    "a round is scored by running the scoring, not by setting its status");
            default -> {
            }
        }
        if (!rounds.updateStatus(roundId, from, target)) {
            throw new IllegalTransitionException(from, target, "the round was changed meanwhile");
        }
        Round after = get(roundId);
        audit.record(actor, "STATUS", "pt_round", roundId, state(round), state(after), null);
        return after;
    }

    /** The round, if there is one with this id (other features' checks, which name their own failure). */
    @Transactional(readOnly = true)
    public Optional<Round> find(long roundId) {
        return rounds.find(roundId);
    }

    /**
     * Stores the scoring's summary on the round and moves it to SCORED; false when the round was not in a status that
     * can be scored (changed meanwhile). Called by {@link org.metrolims.proficiency.scoring.RoundScoring} only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean storeScored(long roundId, Round.Summary summary) {
        return rounds.storeScored(roundId, summary);
    }

    @Transactional(readOnly = true)
    public Round get(long roundId) {
        return rounds.find(roundId).orElseThrow(() -> new PtNotFoundException("PT round", roundId));
    }

    /** Every round, latest first (officers). */
    @Transactional(readOnly = true)
    public List<Round> all() {
        return rounds.findAll();
    }

    /** The rounds a lab sees: open for enrolment, or ones it has applied to or is enrolled in. */
    @Transactional(readOnly = true)
    public List<Round> visibleTo(long organizationId) {
        return rounds.findVisibleTo(organizationId);
    }

    static Map<String, Object> state(Round r) {
        return PtAudit.fields("code", r.code(), "scheme", r.schemeCode(), "status", r.status(),
                "enrolmentOpensOn", r.schedule().enrolmentOpensOn(),
                "enrolmentClosesOn", r.schedule().enrolmentClosesOn(), "dispatchOn", r.schedule().dispatchOn(),
                "submissionDeadline", r.schedule().submissionDeadline(), "reportDueOn", r.schedule().reportDueOn(),
                "referenceValue", r.referenceValue(), "referenceUncertainty", r.referenceUncertainty());
    }
}

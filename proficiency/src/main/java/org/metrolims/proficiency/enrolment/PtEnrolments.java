package org.metrolims.proficiency.enrolment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in a round. Officers enrol labs while the round is in DRAFT or OPEN; labs apply while it is OPEN and
 * an officer then enrols or rejects them. Only labs whose accreditation scope covers the scheme's discipline (and
 * whose accreditation has not expired) get in. Each lab gets a confidential random lab code when it first enters the
 * round.
 */
@Service
public class PtEnrolments {

    private final EnrolmentRepository enrolments;
    private final ProficiencyRounds rounds;
    private final ProficiencySchemes schemes;
    private final PtAudit audit;
    private final Clock clock;
    private final RandomGenerator random;

    @Autowired
    public PtEnrolments(EnrolmentRepository enrolments, ProficiencyRounds rounds, ProficiencySchemes schemes,
            PtAudit audit) {
        this(enrolments, rounds, schemes, audit, Clock.systemUTC(), new SecureRandom());
    }

    public PtEnrolments(EnrolmentRepository enrolments, ProficiencyRounds rounds, ProficiencySchemes schemes,
            PtAudit audit, Clock clock, RandomGenerator random) {
        this.enrolments = enrolments;
        this.rounds = rounds;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * The same enrolments on another clock and random source (participant codes), over the given rounds: a caller
     * that replays dated events (the demo province's past rounds) enrols at a date and with codes of its own seed.
     */
    public PtEnrolments with(ProficiencyRounds rounds, Clock clock, RandomGenerator random) {
        return new PtEnrolments(enrolments, rounds, schemes, audit, clock, random);
    }

    /**
     * An officer enrols a lab; a pending application of the same lab is granted. Read committed, so that a retry
     * after a concurrent enrolment sees it (see {@link #insert}).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Enrolment enrol(long roundId, String organizationCode, String actor) {
        if (organizationCode == null || organizationCode.isBlank()) {
            throw new PtInputException("organizationCode", "is required");
        }
        Round round = round(roundId);
        if (round.status() != RoundStatus.DRAFT && round.status() != RoundStatus.OPEN) {
            throw new PtRuleException("ENROLMENT_CLOSED", null, "labs are enrolled while the round is DRAFT or OPEN;"
                    + " it is " + round.status());
        }
        Candidate lab = enrolments.candidate(organizationCode)
                .orElseThrow(() -> new PtInputException("organizationCode", "no organization " + organizationCode));
        Optional<Enrolment> existing = enrolments.find(roundId, lab.id());
        if (existing.isPresent() && existing.get().status() == EnrolmentStatus.APPLIED) {
            return decide(roundId, existing.get().labCode(), EnrolmentStatus.ENROLLED, actor, null);
        }
        existing.ifPresent(e -> {
            throw new DuplicateEnrolmentException(lab.code(), e.status());
        });
        requireInScope(lab, round);
        return insert(round, lab, EnrolmentStatus.ENROLLED, actor);
    }

    /** A lab applies to take part in an OPEN round (read committed, as {@link #enrol}). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Enrolment apply(long roundId, long organizationId, String actor) {
        Round round = round(roundId);
        if (round.status() != RoundStatus.OPEN) {
            throw new PtRuleException("ENROLMENT_CLOSED", null, "labs apply while the round is OPEN; it is "
                    + round.status());
        }
        Candidate lab = enrolments.candidate(organizationId)
                .orElseThrow(() -> new PtNotFoundException("organization", organizationId));
        enrolments.find(roundId, lab.id()).ifPresent(e -> {
            throw new DuplicateEnrolmentException(lab.code(), e.status());
        });
        requireInScope(lab, round);
        return insert(round, lab, EnrolmentStatus.APPLIED, null);
    }

    /** An officer decides on an application: ENROLLED or REJECTED. */
    @Transactional
    public Enrolment decide(long roundId, String labCode, EnrolmentStatus decision, String actor, String reason) {
        if (decision != EnrolmentStatus.ENROLLED && decision != EnrolmentStatus.REJECTED) {
            throw new PtInputException("decision", "must be ENROLLED or REJECTED");
        }
        Round round = round(roundId);
        if (decision == EnrolmentStatus.ENROLLED && round.status() != RoundStatus.DRAFT
                && round.status() != RoundStatus.OPEN) {
            throw new PtRuleException("ENROLMENT_CLOSED", null, "labs are enrolled while the round is DRAFT or OPEN;"
                    + " it is " + round.status());
        }
        Enrolment before = enrolments.findByLabCode(roundId, labCode)
                .orElseThrow(() -> new PtNotFoundException("lab code", labCode));
        if (before.status() != EnrolmentStatus.APPLIED
                || !enrolments.decide(before.id(), EnrolmentStatus.APPLIED, decision, actor, clock.instant())) {
            throw new PtRuleException("NOT_APPLIED", "decision", "lab " + labCode + " is " + before.status()
                    + ", not an open application");
        }
        Enrolment after = enrolments.findByLabCode(roundId, labCode).orElseThrow();
        audit.record(actor, "DECIDE", "pt_enrolment", after.id(), state(before), state(after), reason);
        return after;
    }

    /**
     * The labs an officer may enrol in the round now: in scope for the scheme's discipline, accreditation not expired,
     * not in the round yet (an applicant is enrolled by deciding its application). Empty unless the round is DRAFT or
     * OPEN.
     */
    @Transactional(readOnly = true)
    public List<EligibleLab> eligible(long roundId) {
        Round round = round(roundId);
        if (round.status() != RoundStatus.DRAFT && round.status() != RoundStatus.OPEN) {
            return List.of();
        }
        Scheme scheme = schemes.find(round.schemeId()).orElseThrow();
        Set<Long> inRound = enrolments.findByRound(roundId).stream().map(Enrolment::organizationId)
                .collect(Collectors.toSet());
        LocalDate today = today();
        return enrolments.inScope(scheme.disciplineCode()).stream()
                .filter(lab -> !inRound.contains(lab.id()))
                .filter(lab -> lab.accreditationValidUntil() == null || !lab.accreditationValidUntil().isBefore(today))
                .toList();
    }

    /** Whether the lab may apply to the round now: it is OPEN, the lab is not in it yet, and its scope covers it. */
    @Transactional(readOnly = true)
    public boolean mayApply(long roundId, long organizationId) {
        Round round = round(roundId);
        if (round.status() != RoundStatus.OPEN || enrolments.find(roundId, organizationId).isPresent()) {
            return false;
        }
        Optional<Candidate> lab = enrolments.candidate(organizationId);
        return lab.isPresent() && scopeProblem(lab.get(), round).isEmpty();
    }

    /** All enrolments of a round (officers). */
    @Transactional(readOnly = true)
    public List<Enrolment> ofRound(long roundId) {
        round(roundId);
        return enrolments.findByRound(roundId);
    }

    /** The enrolment that carries this lab code in the round, if any (officers accepting a late result). */
    @Transactional(readOnly = true)
    public Optional<Enrolment> findByLabCode(long roundId, String labCode) {
        return enrolments.findByLabCode(roundId, labCode);
    }

    /**
     * Locks the enrolment's row until the calling transaction ends, so that one lab's result submissions queue on it
     * (see {@link org.metrolims.proficiency.result.PtResults}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long enrolmentId) {
        enrolments.lock(enrolmentId);
    }

    /** The lab's own enrolment in a round, if any. */
    @Transactional(readOnly = true)
    public Optional<Enrolment> own(long roundId, long organizationId) {
        return enrolments.find(roundId, organizationId);
    }

    /**
     * Inserts the lab's enrolment under a freshly drawn code. Concurrent enrolments meet at the unique keys: when the
     * lab itself got in meanwhile (two applications at once) this one is a duplicate; when another lab took the same
     * code, the code is drawn again among those still free.
     */
    private Enrolment insert(Round round, Candidate lab, EnrolmentStatus status, String decidedBy) {
        Instant now = clock.instant();
        Set<String> taken = new HashSet<>();
        String code;
        long id;
        while (true) {
            taken.addAll(enrolments.usedLabCodes(round.id()));
            code = LabCodes.draw(taken, random);
            try {
                id = enrolments.insert(round.id(), lab.id(), code, status, decidedBy, now);
                break;
            } catch (DuplicateKeyException e) {
                Optional<Enrolment> meanwhile = enrolments.find(round.id(), lab.id());
                if (meanwhile.isPresent()) {
                    throw new DuplicateEnrolmentException(lab.code(), meanwhile.get().status());
                }
                taken.add(code);
            }
        }
        Enrolment created = enrolments.findByLabCode(round.id(), code).orElseThrow();
        audit.record(decidedBy == null ? lab.code() : decidedBy, status == EnrolmentStatus.APPLIED ? "APPLY" : "ENROL",
                "pt_enrolment", id, null, state(created), null);
        return created;
    }

    private void requireInScope(Candidate lab, Round round) {
        scopeProblem(lab, round).ifPresent(problem -> {
            throw new OutsideScopeException(problem);
        });
    }

    /** Why the lab may not take part in the round, if it may not: outside its scope, or accreditation expired. */
    private Optional<String> scopeProblem(Candidate lab, Round round) {
        Scheme scheme = schemes.find(round.schemeId()).orElseThrow();
        if (!lab.scope().contains(scheme.disciplineCode())) {
            return Optional.of(lab.code() + " is not accredited for " + scheme.disciplineCode()
                    + ", the discipline of scheme " + scheme.code());
        }
        if (lab.accreditationValidUntil() != null && lab.accreditationValidUntil().isBefore(today())) {
            return Optional.of(lab.code() + "'s accreditation expired on " + lab.accreditationValidUntil());
        }
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Round round(long roundId) {
        return rounds.find(roundId).orElseThrow(() -> new PtNotFoundException("PT round", roundId));
    }

    private static Map<String, Object> state(Enrolment e) {
        return PtAudit.fields("round", e.roundId(), "organization", e.organizationCode(), "labCode", e.labCode(),
                "status", e.status(), "decidedBy", e.decidedBy());
    }
}

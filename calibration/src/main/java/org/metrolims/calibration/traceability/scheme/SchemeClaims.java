package org.metrolims.calibration.traceability.scheme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.traceability.ChainNode;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A standard's claimed level in its quantity's verification scheme (检定系统表): read with the check's verdict and
 * the claim history, recorded or changed, and withdrawn. Technicians of the standard's owner and administrators
 * change claims; whoever may read the standard reads them; anyone else is told the standard does not exist. A change
 * supersedes the claim in force, a withdrawal ends it: nothing is deleted, and each change is in the audit trail
 * (who, when, the claim before and after, why) on the standard.
 */
@Service
public class SchemeClaims {

    /** The audit trail's name for a standard, as the registry writes it. */
    static final String ENTITY = "measurement_standard";

    private final VerificationSchemeRepository repository;
    private final VerificationSchemes schemes;
    private final TraceabilityAnalysis traceability;
    private final AuditTrail audit;
    private final Clock clock;

    @Autowired
    SchemeClaims(VerificationSchemeRepository repository, VerificationSchemes schemes,
            TraceabilityAnalysis traceability, AuditTrail audit) {
        this(repository, schemes, traceability, audit, Clock.systemUTC());
    }

    SchemeClaims(VerificationSchemeRepository repository, VerificationSchemes schemes,
            TraceabilityAnalysis traceability, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.schemes = schemes;
        this.traceability = traceability;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a user asks to claim: the scheme's code, the level's code, and why. */
    public record ClaimRequest(String scheme, String level, String reason) {
    }

    /**
     * A standard's place in its scheme as its page shows it.
     *
     * @param scheme   the verification scheme of its quantity, if there is one (its levels are what it may claim)
     * @param current  the claim in force, if any
     * @param standing the check's verdict today, against the references of its current calibrations
     * @param history  every claim it has had, the oldest first
     */
    public record ClaimView(long standardId, String standardCode, Optional<VerificationScheme> scheme,
            Optional<SchemeClaim> current, SchemeStanding standing, List<SchemeClaim> history) {

        public ClaimView {
            history = List.copyOf(history);
        }
    }

    @Transactional(readOnly = true)
    public ClaimView view(long standardId, RegistryUser who) {
        SchemeStandard s = standard(standardId);
        if (!who.canRead(s.ownerOrganizationId())) {
            throw notFound(standardId);
        }
        return view(s, who);
    }

    /** Records {@code request}'s level as the standard's claim, superseding the claim in force. */
    @Transactional
    public ClaimView claim(long standardId, ClaimRequest request, RegistryUser who) {
        SchemeStandard s = writable(standardId, who);
        if (request == null) {
            throw new InvalidInput("scheme", "name the verification scheme, the level and the reason");
        }
        String schemeCode = text(request.scheme())
                .orElseThrow(() -> new InvalidInput("scheme", "name the verification scheme"));
        VerificationScheme scheme = schemes.schemes().stream().filter(x -> x.code().equals(schemeCode)).findFirst()
                .orElseThrow(() -> new InvalidInput("scheme", "no verification scheme " + schemeCode));
        if (!scheme.quantityCode().equals(s.subject().quantityCode())) {
            throw new InvalidInput("scheme", schemeCode + " is the scheme of " + scheme.quantityCode()
                    + "; the standard measures " + s.subject().quantityCode());
        }
        String levelCode = text(request.level())
                .orElseThrow(() -> new InvalidInput("level", "name the level claimed"));
        SchemeLevel level = scheme.levels().stream().filter(l -> l.code().equals(levelCode)).findFirst()
                .orElseThrow(() -> new InvalidInput("level", schemeCode + " has no level " + levelCode));
        String reason = reason(request.reason());
        repository.lockStandard(standardId);
        Optional<SchemeClaim> before = current(standardId);
        if (before.filter(c -> c.levelId() == level.id()).isPresent()) {
            throw new Conflict("ALREADY_CLAIMED", s.subject().code() + " already claims " + levelCode);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        before.ifPresent(c -> repository.endCurrentClaim(standardId, now, who.username(), SchemeClaim.SUPERSEDED,
                reason));
        repository.insertClaim(standardId, level.id(), reason, who.username(), now);
        SchemeClaim after = current(standardId).orElseThrow();
        audit.record(new AuditEntry(who.username(), "SCHEME_CLAIM", ENTITY, Long.toString(standardId),
                before.map(SchemeClaims::state).orElse(null), state(after), reason, null));
        return view(s, who);
    }

    /** Withdraws the claim in force: the standard is then placed by its uncertainty, or its accuracy class. */
    @Transactional
    public ClaimView withdraw(long standardId, String reasonText, RegistryUser who) {
        SchemeStandard s = writable(standardId, who);
        String reason = reason(reasonText);
        repository.lockStandard(standardId);
        SchemeClaim before = current(standardId)
                .orElseThrow(() -> new Conflict("NO_CLAIM", s.subject().code() + " has no claim to withdraw"));
        repository.endCurrentClaim(standardId, LocalDateTime.now(clock), who.username(), SchemeClaim.WITHDRAWN,
                reason);
        SchemeClaim after = repository.claims(standardId).stream().filter(c -> c.id() == before.id()).findFirst()
                .orElseThrow();
        audit.record(new AuditEntry(who.username(), "SCHEME_CLAIM_WITHDRAWN", ENTITY, Long.toString(standardId),
                state(before), state(after), reason, null));
        return view(s, who);
    }

    private ClaimView view(SchemeStandard s, RegistryUser who) {
        long id = s.subject().standardId();
        List<SchemeClaim> history = repository.claims(id);
        Optional<SchemeClaim> current = history.stream().filter(SchemeClaim::inForce).findFirst();
        List<VerificationScheme> all = schemes.schemes();
        SchemeCheck check = new SchemeCheck(all);
        // the subject as read now (the claim just recorded included), judged against its chain's references today
        SchemeSubject subject = standard(id).subject();
        Optional<SchemeStanding> judged;
        try {
            judged = schemes.withStandings(traceability.chain(id, LocalDate.now(clock), who)).nodes().stream()
                    .filter(n -> n.standardId().filter(x -> x == id).isPresent()).findFirst()
                    .flatMap(ChainNode::scheme);
        } catch (NotFound e) { // no chain to draw: judged without references
            judged = Optional.empty();
        }
        SchemeStanding standing = judged.orElseGet(() -> check.check(subject, List.of()));
        return new ClaimView(id, subject.code(), check.schemeFor(subject.quantityCode()), current, standing,
                history);
    }

    private SchemeStandard standard(long standardId) {
        return repository.standards(List.of(standardId)).stream().findFirst()
                .orElseThrow(() -> notFound(standardId));
    }

    private SchemeStandard writable(long standardId, RegistryUser who) {
        SchemeStandard s = standard(standardId);
        if (!who.canWrite(s.ownerOrganizationId())) {
            throw notFound(standardId);
        }
        return s;
    }

    private Optional<SchemeClaim> current(long standardId) {
        return repository.claims(standardId).stream().filter(SchemeClaim::inForce).findFirst();
    }

    private static String reason(String reason) {
        String r = text(reason).orElseThrow(() -> new InvalidInput("reason", "give the reason"));
        if (r.length() > 500) {
            throw new InvalidInput("reason", "at most 500 characters");
        }
        return r;
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** A claim's state in an audit line. */
    private static String state(SchemeClaim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimId", c.id());
        m.put("scheme", c.scheme());
        m.put("level", c.level());
        m.put("reason", c.reason().orElse(null));
        m.put("since", c.since().toString());
        m.put("endedAt", c.endedAt().map(Object::toString).orElse(null));
        m.put("endKind", c.endKind().orElse(null));
        return AuditJson.object(m);
    }

    private static NotFound notFound(long standardId) {
        return new NotFound(Message.of("failure.notFound.standard", "No standard " + standardId, standardId));
    }
}

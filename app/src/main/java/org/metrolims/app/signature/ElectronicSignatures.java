package org.metrolims.app.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Reauthentication;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.identity.Meaning;
import org.metrolims.db.identity.Signature;
import org.metrolims.db.identity.SignatureCheck;
import org.metrolims.db.identity.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Electronic signatures in the manner of 21 CFR Part 11: a signature is made by the signed-in user re-entering the
 * password (11.200(a)(1)(i): each signing in a session uses at least the password), states its meaning (11.50),
 * and is bound to the record (11.70) by the SHA-256 of the record's canonical content at signing, so that a later
 * change of the record shows as "content changed since signed".
 *
 * <p>Signing is two steps, so that a wrong password costs nothing but its check: {@link #confirm} checks the
 * password <em>before</em> the signed action does any work (renders a PDF, changes a record) and outside its
 * transaction, under the login throttle ({@link Reauthentication}: a wrong password counts as a failed login, and a
 * locked account is refused even with the right one); then {@link #sign} stores the signature inside the action's
 * transaction, after the change that is being signed:
 * <pre>{@code
 * ConfirmedSigner signer = signatures.confirm(user, password, Meaning.APPROVED, "calibration", String.valueOf(id));
 * transactions.execute(s -> {
 *     Calibration approved = records.approve(actor, id, version);
 *     signatures.sign(signer, "calibration", String.valueOf(id), canonical(approved));
 *     return approved;
 * });
 * }</pre>
 * The canonical content is the feature's choice: the bytes that must not change without showing (for example the
 * record's JSON without its workflow status and locking version). A refused password writes a SIGNATURE_REFUSED line
 * to the audit trail in its own transaction and throws {@link SignatureRefusedException}.
 */
@Service
public class ElectronicSignatures {

    private final Signatures repository;
    private final Reauthentication reauthentication;
    private final AuditTrail audit;
    private final TransactionTemplate separate;
    private final Clock clock;

    @Autowired
    ElectronicSignatures(Signatures repository, Reauthentication reauthentication, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this(repository, reauthentication, audit, transactions, Clock.systemUTC());
    }

    ElectronicSignatures(Signatures repository, Reauthentication reauthentication, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Checks the password {@code signer} re-entered to sign with {@code meaning}, before any work is done: the
     * first step of every signature.
     *
     * @param recordType the kind of record, e.g. {@code calibration}, {@code pt-round}, {@code certificate}
     * @param recordId the record's id as text, or null when the record does not exist yet (a certificate to issue)
     * @param subject what is being signed, in words, for the audit line of a refusal (e.g. "calibration 12")
     * @throws SignatureRefusedException when the password is wrong or missing, the account is disabled, or it is
     *         locked after too many wrong passwords
     */
    public ConfirmedSigner confirm(MetroLimsUser signer, String password, Meaning meaning, String recordType,
            String recordId, String subject) {
        Reauthentication.Outcome outcome = reauthentication.check(signer, password);
        if (outcome.accepted()) {
            return new ConfirmedSigner(signer, meaning);
        }
        String reason = outcome.locked()
                ? "account locked until " + outcome.lockedUntil() + " after too many wrong passwords; meaning "
                        + meaning + " of " + subject
                : "wrong or missing password for meaning " + meaning + " of " + subject;
        separate.executeWithoutResult(s -> audit.record(new AuditEntry(signer.getUsername(), "SIGNATURE_REFUSED",
                recordType, recordId, null, null, reason, null)));
        if (outcome.locked()) {
            throw new SignatureRefusedException("too many wrong passwords: the account is locked until "
                    + outcome.lockedUntil() + " (UTC) and nothing was signed", outcome.lockedUntil());
        }
        throw new SignatureRefusedException("the password does not match: the record was not signed");
    }

    /** {@link #confirm(MetroLimsUser, String, Meaning, String, String, String)} of an existing record. */
    public ConfirmedSigner confirm(MetroLimsUser signer, String password, Meaning meaning, String recordType,
            String recordId) {
        return confirm(signer, password, meaning, recordType, recordId, recordType + " " + recordId);
    }

    /**
     * Signs a record as the confirmed signer, with the meaning that was confirmed: the second step, inside the
     * transaction of the signed change.
     *
     * @param recordType the kind of record, e.g. {@code calibration}, {@code pt-round}, {@code certificate}
     * @param recordId the record's id as text
     * @param canonicalContent the record's canonical content now; only its SHA-256 is kept
     */
    @Transactional
    public Signature sign(ConfirmedSigner signer, String recordType, String recordId, byte[] canonicalContent) {
        return sign(signer, recordType, recordId, canonicalContent, clock.instant());
    }

    /**
     * Signs at a given instant instead of now: for a deterministic load (the demo province signs at its own dates),
     * never for a person signing now.
     */
    @Transactional
    public Signature sign(ConfirmedSigner signer, String recordType, String recordId, byte[] canonicalContent,
            Instant signedAt) {
        signer.use();
        MetroLimsUser user = signer.user();
        Signature s = repository.store(user.userId(), user.getUsername(), user.displayName(), signer.meaning(),
                recordType, recordId, sha256(canonicalContent), signedAt);
        audit.record(new AuditEntry(user.getUsername(), "SIGN", recordType, recordId, null,
                AuditJson.object(Map.of("signatureId", s.id(), "meaning", signer.meaning().name(),
                        "contentSha256", s.contentSha256(), "signedAt", signedAt.toString())), null, null));
        return s;
    }

    /** Every signature of a record, oldest first, each checked against the record's current canonical content. */
    @Transactional(readOnly = true)
    public List<SignatureCheck> manifest(String recordType, String recordId, byte[] currentContent) {
        String now = sha256(currentContent);
        return repository.of(recordType, recordId).stream()
                .map(s -> new SignatureCheck(s, !s.contentSha256().equals(now)))
                .toList();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        return Signatures.sha256(content);
    }

    /** UTF-8 bytes of a text, for records whose canonical content is a text. */
    public static byte[] utf8(String text) {
        return Signatures.utf8(text);
    }
}

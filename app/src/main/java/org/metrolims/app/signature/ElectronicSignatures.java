package org.metrolims.app.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * <p>Usage by a feature (inside the feature's own transaction, after the change that is being signed, so that a
 * refused signature rolls the change back):
 * <pre>{@code
 * Calibration approved = records.approve(actor, id, version);
 * signatures.sign(user, password, Meaning.APPROVED, "calibration", String.valueOf(id), canonical(approved));
 * }</pre>
 * The canonical content is the feature's choice: the bytes that must not change without showing (for example the
 * record's JSON without its workflow status and locking version). A wrong password writes a SIGNATURE_REFUSED line
 * to the audit trail in its own transaction (it survives the rollback) and throws
 * {@link SignatureRefusedException}.
 */
@Service
public class ElectronicSignatures {

    private final SignatureRepository repository;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate separate;
    private final Clock clock;

    @Autowired
    ElectronicSignatures(SignatureRepository repository, PasswordEncoder passwords, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this(repository, passwords, audit, transactions, Clock.systemUTC());
    }

    ElectronicSignatures(SignatureRepository repository, PasswordEncoder passwords, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.audit = audit;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Signs a record as {@code signer}, who re-enters the password.
     *
     * @param recordType the kind of record, e.g. {@code calibration}, {@code pt-round}, {@code certificate}
     * @param recordId the record's id as text
     * @param canonicalContent the record's canonical content now; only its SHA-256 is kept
     * @throws SignatureRefusedException when the password is wrong or missing, or the account is disabled
     */
    @Transactional
    public Signature sign(MetroLimsUser signer, String password, Meaning meaning, String recordType, String recordId,
            byte[] canonicalContent) {
        return sign(signer, password, meaning, recordType, recordId, canonicalContent, clock.instant());
    }

    /**
     * Signs at a given instant instead of now: for a deterministic load (the demo province signs at its own dates),
     * never for a person signing now.
     */
    @Transactional
    public Signature sign(MetroLimsUser signer, String password, Meaning meaning, String recordType, String recordId,
            byte[] canonicalContent, Instant signedAt) {
        String hash = repository.enabledPasswordHash(signer.userId()).orElse(null);
        if (password == null || password.isEmpty() || hash == null || !passwords.matches(password, hash)) {
            separate.executeWithoutResult(s -> audit.record(new AuditEntry(signer.getUsername(), "SIGNATURE_REFUSED",
                    recordType, recordId, null, null, "wrong or missing password for meaning " + meaning, null)));
            throw new SignatureRefusedException("the password does not match: the record was not signed");
        }
        Instant now = signedAt;
        Signature s = repository.insert(signer.userId(), signer.getUsername(), signer.displayName(), meaning,
                recordType, recordId, sha256(canonicalContent), now);
        audit.record(new AuditEntry(signer.getUsername(), "SIGN", recordType, recordId, null,
                AuditJson.object(Map.of("signatureId", s.id(), "meaning", meaning.name(),
                        "contentSha256", s.contentSha256(), "signedAt", now.toString())), null, null));
        return s;
    }

    /** Every signature of a record, oldest first, each checked against the record's current canonical content. */
    @Transactional(readOnly = true)
    public List<SignatureCheck> manifest(String recordType, String recordId, byte[] currentContent) {
        String now = sha256(currentContent);
        return repository.forRecord(recordType, recordId).stream()
                .map(s -> new SignatureCheck(s, !s.contentSha256().equals(now)))
                .toList();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** UTF-8 bytes of a text, for records whose canonical content is a text. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.metrolims.db.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored electronic signatures: who signed which record, when, with what meaning, over which SHA-256 of its
 * canonical content. Checking the re-entered password before a signature is the web layer's (it needs the signed-in
 * person); this keeps what was signed.
 */
@Service
public class Signatures {

    private final SignatureRepository repository;

    Signatures(SignatureRepository repository) {
        this.repository = repository;
    }

    /** Stores a signature of a record, made by the signer at {@code at}, over content with the SHA-256 given. */
    @Transactional
    public Signature store(long signerId, String username, String name, Meaning meaning, String recordType,
            String recordId, String contentSha256, Instant at) {
        return repository.insert(signerId, username, name, meaning, recordType, recordId, contentSha256, at);
    }

    /** Every signature of a record, oldest first. */
    @Transactional(readOnly = true)
    public List<Signature> of(String recordType, String recordId) {
        return repository.forRecord(recordType, recordId);
    }

    /** The latest signature of a record with the meaning, if it was signed so. */
    @Transactional(readOnly = true)
    public Optional<Signature> latest(String recordType, String recordId, Meaning meaning) {
        return repository.latest(recordType, recordId, meaning);
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

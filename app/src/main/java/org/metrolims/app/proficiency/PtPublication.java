package org.metrolims.app.proficiency;

import java.time.Instant;
import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.ConfirmedSigner;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.db.identity.Meaning;
import org.metrolims.db.identity.Signature;
import org.metrolims.db.identity.SignatureCheck;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.metrolims.reports.pt.PtDocument;
import org.metrolims.reports.pt.PtDocuments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a round's scores (moving it to REPORTED, which shows the scores to the labs) is an electronic
 * signature with meaning PUBLISHED over the round's scores, in one transaction with the move and with the issue of
 * the round's documents ({@link PtDocuments}: the final report and every enrolled lab's letter, stored as issued at
 * the signature's time). The password is checked first, before the round is touched or a document rendered
 * ({@link ElectronicSignatures#confirm}): a refused one leaves the round SCORED, costs no rendering and counts
 * towards the login throttle.
 */
@Service
class PtPublication {

    static final String RECORD_TYPE = PtDocuments.PUBLICATION_RECORD_TYPE;

    private final ProficiencyRounds rounds;
    private final RoundScoring scoring;
    private final ElectronicSignatures signatures;
    private final JsonMapper json;
    private final PtDocuments documents;
    private final TransactionTemplate transactions;

    PtPublication(ProficiencyRounds rounds, RoundScoring scoring, ElectronicSignatures signatures, JsonMapper json,
            PtDocuments documents, PlatformTransactionManager transactions) {
        this.rounds = rounds;
        this.scoring = scoring;
        this.signatures = signatures;
        this.json = json;
        this.documents = documents;
        this.transactions = new TransactionTemplate(transactions);
    }

    Round publish(MetroLimsUser officer, long roundId, String password) {
        return publish(officer, roundId, password, Instant.now());
    }

    /**
     * Publishes at a given instant (the demo's own dates): the signature and the documents carry it, so the same
     * round published at the same instant gives the same documents, byte for byte.
     */
    Round publish(MetroLimsUser officer, long roundId, String password, Instant at) {
        ConfirmedSigner signer = signatures.confirm(officer, password, Meaning.PUBLISHED, RECORD_TYPE,
                Long.toString(roundId));
        return transactions.execute(tx -> {
            Round reported = rounds.transition(roundId, RoundStatus.REPORTED, officer.getUsername());
            Signature signed = signatures.sign(signer, RECORD_TYPE, Long.toString(roundId), content(roundId), at);
            documents.issue(roundId, new PtDocuments.Issuer(officer.userId(), officer.getUsername()),
                    signed.signedAt());
            return reported;
        });
    }

    /**
     * Publishes a published round's documents again after a correction: a new PUBLISHED signature over the scores
     * now and revision n + 1 of the report and every letter, naming the reason; revision n stays, SUPERSEDED.
     */
    List<PtDocument> republish(MetroLimsUser officer, long roundId, String password, String reason) {
        // what the request itself gets wrong is answered first; then the password, before anything is rendered
        Round round = rounds.get(roundId);
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtRuleException("NOT_REPORTED", null, "round " + round.code() + " is " + round.status()
                    + ": only a published round's documents are published again");
        }
        if (reason == null || reason.isBlank()) {
            throw new PtInputException("reason", "a new revision of the round's documents states its reason");
        }
        ConfirmedSigner signer = signatures.confirm(officer, password, Meaning.PUBLISHED, RECORD_TYPE,
                Long.toString(roundId));
        return transactions.execute(tx -> {
            Signature signed = signatures.sign(signer, RECORD_TYPE, Long.toString(roundId), content(roundId));
            return documents.reissue(roundId, new PtDocuments.Issuer(officer.userId(), officer.getUsername()),
                    signed.signedAt(), reason);
        });
    }

    /** The round's signatures, checked against its scores now (for officers; labs see the published scores). */
    @Transactional(readOnly = true)
    List<SignatureCheck> signatures(long roundId) {
        return signatures.manifest(RECORD_TYPE, Long.toString(roundId), content(roundId));
    }

    /** The canonical content of a published round: its scores, as JSON, in the order the scoring lists them. */
    private byte[] content(long roundId) {
        return json.writeValueAsBytes(scoring.scores(roundId));
    }
}

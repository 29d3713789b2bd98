package org.metrolims.app.proficiency;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.app.signature.Meaning;
import org.metrolims.app.signature.SignatureCheck;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing a round's scores (moving it to REPORTED, which shows the scores to the labs) is an electronic
 * signature with meaning PUBLISHED over the round's scores, in one transaction with the move: a refused signature
 * leaves the round SCORED.
 */
@Service
class PtPublication {

    static final String RECORD_TYPE = "pt-round";

    private final ProficiencyRounds rounds;
    private final RoundScoring scoring;
    private final ElectronicSignatures signatures;
    private final JsonMapper json;

    PtPublication(ProficiencyRounds rounds, RoundScoring scoring, ElectronicSignatures signatures, JsonMapper json) {
        this.rounds = rounds;
        this.scoring = scoring;
        this.signatures = signatures;
        this.json = json;
    }

    @Transactional
    Round publish(MetroLimsUser officer, long roundId, String password) {
        Round reported = rounds.transition(roundId, RoundStatus.REPORTED, officer.getUsername());
        signatures.sign(officer, password, Meaning.PUBLISHED, RECORD_TYPE, Long.toString(roundId), content(roundId));
        return reported;
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

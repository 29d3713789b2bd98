package org.metrolims.app.calibration;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.ConfirmedSigner;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationContent;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.db.identity.Meaning;
import org.metrolims.db.identity.SignatureCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approving a calibration is an electronic signature: the reviewer re-enters the password, which is checked first
 * (a refused one changes nothing and counts towards the login throttle), and the approval is signed with meaning
 * APPROVED over the approved record's canonical content, in one transaction with the approval.
 */
@Service
class CalibrationApproval {

    static final String RECORD_TYPE = "calibration";

    private final CalibrationRecords records;
    private final ElectronicSignatures signatures;
    private final TransactionTemplate transactions;

    CalibrationApproval(CalibrationRecords records, ElectronicSignatures signatures,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.signatures = signatures;
        this.transactions = new TransactionTemplate(transactions);
    }

    Calibration approveAndSign(MetroLimsUser user, long id, int version, String password) {
        ConfirmedSigner signer = signatures.confirm(user, password, Meaning.APPROVED, RECORD_TYPE, Long.toString(id));
        return transactions.execute(tx -> {
            Calibration approved = records.approve(CalibrationActors.of(user), id, version);
            signatures.sign(signer, RECORD_TYPE, Long.toString(id), CalibrationContent.canonical(approved));
            return approved;
        });
    }

    /** The signatures of a record the user may see, each checked against its content now. */
    @Transactional(readOnly = true)
    List<SignatureCheck> signatures(MetroLimsUser user, long id) {
        return signatures(records.get(CalibrationActors.of(user), id));
    }

    List<SignatureCheck> signatures(Calibration visible) {
        return signatures.manifest(RECORD_TYPE, Long.toString(visible.id()), CalibrationContent.canonical(visible));
    }
}

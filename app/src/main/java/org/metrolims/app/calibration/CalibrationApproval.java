package org.metrolims.app.calibration;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.app.signature.Meaning;
import org.metrolims.app.signature.SignatureCheck;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationContent;
import org.metrolims.calibration.record.CalibrationRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approving a calibration is an electronic signature: the reviewer re-enters the password and the approval is
 * signed with meaning APPROVED over the approved record's canonical content, in one transaction — a refused
 * signature leaves the record SUBMITTED.
 */
@Service
class CalibrationApproval {

    static final String RECORD_TYPE = "calibration";

    private final CalibrationRecords records;
    private final ElectronicSignatures signatures;

    CalibrationApproval(CalibrationRecords records, ElectronicSignatures signatures) {
        this.records = records;
        this.signatures = signatures;
    }

    @Transactional
    Calibration approveAndSign(MetroLimsUser user, long id, int version, String password) {
        Calibration approved = records.approve(CalibrationActors.of(user), id, version);
        signatures.sign(user, password, Meaning.APPROVED, RECORD_TYPE, Long.toString(id),
                CalibrationContent.canonical(approved));
        return approved;
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

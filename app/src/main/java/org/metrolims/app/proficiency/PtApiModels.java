package org.metrolims.app.proficiency;

import java.time.Instant;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.item.ItemStudy;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scoring.LabRoundScore;
import org.metrolims.proficiency.statistics.Performance;

/** Request and response bodies of the PT API that are not domain records themselves. */
final class PtApiModels {

    private PtApiModels() {
    }

    /** {"status": "OPEN"} */
    /** A move to the next status; moving to REPORTED publishes the scores and is signed with the password. */
    record StatusChange(RoundStatus status, String password) {
    }

    /** An officer's enrolment of a lab ({"organizationCode": "..."}); a lab applies with an empty body. */
    record EnrolRequest(String organizationCode) {
    }

    /** An officer's decision on an application: ENROLLED or REJECTED, with an optional reason. */
    record Decision(EnrolmentStatus decision, String reason) {
    }

    /** A late result an officer accepts, with the reason it is accepted. */
    record LateResult(Double value, Double standardUncertainty, Double expandedUncertainty, Double coverageFactor,
            String method, String remarks, String reason) {

        ResultSubmission submission() {
            return new ResultSubmission(value, standardUncertainty, expandedUncertainty, coverageFactor, method,
                    remarks);
        }
    }

    /** One study's item measurements: items[i] are the replicates of item i + 1. */
    record ItemData(ItemStudy study, double[][] items) {
    }

    /** A lab's own enrolment, as the lab sees it. */
    record OwnEnrolment(long roundId, String labCode, EnrolmentStatus status, Instant appliedAt) {

        static OwnEnrolment of(Enrolment e) {
            return new OwnEnrolment(e.roundId(), e.labCode(), e.status(), e.appliedAt());
        }
    }

    /** A score as a lab sees it: other labs by code only; {@code own} marks the lab's own. */
    record CodedScore(String labCode, double value, Double z, Double zPrime, Double zeta, Double en,
            Performance classification, boolean own) {

        static CodedScore of(LabRoundScore s, long viewerOrganizationId) {
            return new CodedScore(s.labCode(), s.value(), s.z(), s.zPrime(), s.zeta(), s.en(), s.classification(),
                    s.organizationId() == viewerOrganizationId);
        }
    }
}

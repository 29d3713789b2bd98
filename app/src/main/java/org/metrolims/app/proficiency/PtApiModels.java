package org.metrolims.app.proficiency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.item.ItemStudy;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundSchedule;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.scoring.LabRecord;
import org.metrolims.proficiency.scoring.LabRoundScore;
import org.metrolims.proficiency.statistics.LabHistoryFlags;
import org.metrolims.proficiency.statistics.Performance;

/**
 * Request and response bodies of the PT API that are not domain records themselves, and the lab's own response
 * models: a lab never gets a domain {@link Round} or {@link Scheme}, whose fields include the reference value, its
 * uncertainty, sigma_pt and the robust statistics. What a lab sees of a round is {@link LabRound}: the published
 * statistics only when the round is REPORTED and the lab took part in it (ENROLLED), exactly what the final report
 * prints.
 */
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

    /** Whether the lab took part in the round: it is ENROLLED (not merely applied, rejected or withdrawn). */
    static boolean participant(Optional<Enrolment> own) {
        return own.filter(e -> e.status() == EnrolmentStatus.ENROLLED).isPresent();
    }

    /**
     * A round as a lab sees it: what it is and when, its own place in it, and the round's statistics once they are
     * published (REPORTED) to a lab that took part; never the reference value before that.
     *
     * @param labCode   the lab's own code in the round, null when it has not applied
     * @param enrolment the lab's own enrolment status, null when it has not applied
     * @param published null unless the round is REPORTED and the lab is ENROLLED in it
     */
    record LabRound(long id, long schemeId, String schemeCode, String code, RoundStatus status,
            RoundSchedule schedule, String labCode, EnrolmentStatus enrolment, Published published) {

        static LabRound of(Round r, Optional<Enrolment> own) {
            Published published = r.status() == RoundStatus.REPORTED && participant(own) && r.summary() != null
                    ? Published.of(r.summary()) : null;
            return new LabRound(r.id(), r.schemeId(), r.schemeCode(), r.code(), r.status(), r.schedule(),
                    own.map(Enrolment::labCode).orElse(null), own.map(Enrolment::status).orElse(null), published);
        }
    }

    /**
     * The statistics of a published round as its final report prints them (ISO 13528:2022 clause 10): x_pt, u(x_pt),
     * sigma_pt, and x* and s* of Algorithm A (null with fewer than three results).
     */
    record Published(double assignedValue, double assignedValueUncertainty, double sigmaPt, Double robustMean,
            Double robustSd) {

        static Published of(Round.Summary s) {
            return new Published(s.assignedValue(), s.assignedValueUncertainty(), s.sigmaPt(), s.robustMean(),
                    s.robustSd());
        }
    }

    /**
     * A scheme as a lab sees it: how x_pt, sigma_pt and the score are set, but not a fixed sigma_pt's value, which
     * the lab reads in the final report of a round it took part in.
     */
    record LabScheme(long id, String code, String nameZh, String nameEn, String disciplineCode, String measurandZh,
            String measurandEn, String unit, String providerCode, AssignedValueMethod assignedValueMethod,
            SigmaPtMethod sigmaPtMethod, SchemeScoreType scoreType) {

        static LabScheme of(Scheme s) {
            return new LabScheme(s.id(), s.code(), s.nameZh(), s.nameEn(), s.disciplineCode(), s.measurandZh(),
                    s.measurandEn(), s.unit(), s.providerCode(), s.assignedValueMethod(), s.sigmaPtMethod(),
                    s.scoreType());
        }
    }

    /** The lab's own score in a published round, as its history lists it. */
    record OwnScore(long roundId, String roundCode, String schemeCode, String labCode, double value, Double z,
            Double zPrime, Double zeta, Double en, Performance classification) {

        static OwnScore of(LabRoundScore s) {
            return new OwnScore(s.roundId(), s.roundCode(), s.schemeCode(), s.labCode(), s.value(), s.z(),
                    s.zPrime(), s.zeta(), s.en(), s.classification());
        }
    }

    /**
     * The lab's own scores across published rounds, oldest first, with the ISO 13528:2022 9.4.2 flags (from
     * {@code RoundScoring.history(organization, true)}, which holds published rounds only).
     */
    record OwnRecord(List<OwnScore> rounds, LabHistoryFlags flags) {

        OwnRecord {
            rounds = List.copyOf(rounds);
        }

        /** The lab's record of published rounds; refuses (loudly) a record that holds a round not published. */
        static OwnRecord of(LabRecord record) {
            record.rounds().stream().filter(s -> s.roundStatus() != RoundStatus.REPORTED).findFirst().ifPresent(s -> {
                throw new IllegalStateException("a lab's record holds round " + s.roundCode() + ", which is "
                        + s.roundStatus() + ": only published rounds are shown to a lab");
            });
            return new OwnRecord(record.rounds().stream().map(OwnScore::of).toList(), record.flags());
        }
    }
}

package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What depends on a standard found out of tolerance: every calibration done with it since its last good
 * calibration, and, transitively, every calibration done with a standard whose equipment was calibrated against it
 * in that time (from the day of that calibration on). Each calibration carries the certificates issued from it (every
 * revision, with its status), so the lab knows which reports to recall or amend (ISO/IEC 17025 7.10, 7.8.8).
 *
 * @param since the day from which uses are suspect: the last calibration of the standard's equipment that found it
 *              in tolerance (the earliest over its items), or the day given by the caller
 */
public record RecallImpact(long standardId, String code, LocalDate since, List<ImpactedCalibration> calibrations,
        List<String> affectedStandards) {

    public RecallImpact {
        calibrations = List.copyOf(calibrations);
        affectedStandards = List.copyOf(affectedStandards);
    }

    /**
     * @param depth            1 for a direct use of the standard, 2 for a use of a standard it calibrated, …
     * @param viaStandard      the suspect standard this calibration used
     * @param calibratedStandard the standard whose equipment this calibration was of, if any (it is suspect in turn)
     * @param certificates       the certificates issued from this calibration, by number and revision; empty if none
     */
    public record ImpactedCalibration(long calibrationId, String calibrationNo, int revision, String customerCode,
            LocalDate calibratedOn, String status, int depth, String viaStandard,
            Optional<String> calibratedStandard, List<ImpactedCertificate> certificates) {

        public ImpactedCalibration {
            certificates = List.copyOf(certificates);
        }
    }

    /** A certificate issued from an impacted calibration: number, revision and status (VALID, SUPERSEDED, WITHDRAWN). */
    public record ImpactedCertificate(String certificateNo, int revision, String status) {
    }
}

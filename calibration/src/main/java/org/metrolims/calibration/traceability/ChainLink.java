package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One link of a chain: the calibration of one item of {@code from}'s equipment that ties it to {@code to} (a
 * reference standard, an external root, or a missing node), as it stood on {@code usedOn}.
 *
 * @param uncertaintyRatio the calibrated standard's expanded uncertainty over the reference's (the 4:1 rule)
 */
public record ChainLink(String from, String to, int depth, long instrumentId, Optional<Long> calibrationId,
        Optional<String> calibrationNo, Optional<LocalDate> calibratedOn, Optional<LocalDate> validUntil,
        LocalDate usedOn, Optional<String> externalIssuer, Optional<String> externalCertificateNo,
        Optional<Double> uncertaintyRatio, List<LinkProblem> problems, List<LinkWarning> warnings) {

    public ChainLink {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean broken() {
        return !problems.isEmpty();
    }
}

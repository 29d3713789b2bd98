package org.metrolims.app.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.metrolims.reports.certificate.CertificateBatches;

/**
 * The batch-issue form: the approved calibrations ticked in the list, and the signer's password.
 *
 * @param calibrationIds the selected calibrations (each an approved one of the user's lab with no certificate)
 * @param password       re-entered: starting the batch is the signature that issues every certificate in it
 */
record BatchSelectionForm(@NotEmpty @Size(max = CertificateBatches.MAX_ITEMS) List<Long> calibrationIds,
        @NotBlank String password) {

    BatchSelectionForm {
        calibrationIds = calibrationIds == null ? List.of() : calibrationIds.stream()
                .filter(java.util.Objects::nonNull).toList();
    }
}

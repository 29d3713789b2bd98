package org.metrolims.app.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.metrolims.calibration.standard.CertificateDetails;
import org.metrolims.calibration.standard.StandardDetails;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.calibration.standard.StandardStatus;

/** Request bodies of the standards API (and the import outcome both registers share). The services check the values; these only carry them. */
public final class RegistryApiModels {

    private RegistryApiModels() {}

    /**
     * A standard to register ({@code certificate} optional) or to update ({@code version} required: the version that
     * was read; {@code reason} optional).
     */
    record StandardRequest(String code, String nameZh, String nameEn, String discipline, String quantity,
            StandardLevel level, String owner, String region, BigDecimal rangeLow, BigDecimal rangeHigh, String unit,
            BigDecimal expandedUncertainty, BigDecimal coverageFactor, String accuracyClass, LocalDate establishedOn,
            CertificateDetails certificate, Integer version, String reason) {

        StandardDetails details() {
            return new StandardDetails(code, nameZh, nameEn, discipline, quantity, level, owner, region, rangeLow,
                    rangeHigh, unit, expandedUncertainty, coverageFactor, accuracyClass, establishedOn);
        }
    }

    /** A change of status from a date; {@code version} optional. */
    record StatusRequest(StandardStatus status, LocalDate effectiveFrom, String reason, Integer version) {
    }

    /** An assessment certificate issued or renewed; {@code version} optional. */
    record CertificateRequest(String certificateNo, LocalDate issuedOn, LocalDate expiresOn, String issuer,
            Integer version) {

        CertificateDetails details() {
            return new CertificateDetails(certificateNo, issuedOn, expiresOn, issuer);
        }
    }

    /** An instrument to link to or unlink from a standard's equipment. */
    record EquipmentRequest(Long instrumentId, String reason) {
    }

    /** The outcome of an accepted import. */
    public record ImportResult(int imported) {
    }
}

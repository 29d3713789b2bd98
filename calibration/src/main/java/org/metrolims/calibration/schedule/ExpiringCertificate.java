package org.metrolims.calibration.schedule;

import java.time.LocalDate;

/** The current assessment certificate (计量标准考核证书) of an active standard, expiring on {@code expiresOn}. */
public record ExpiringCertificate(long certificateId, String certificateNo, long standardId, String standardCode,
        String standardNameZh, String standardNameEn, long ownerId, LocalDate expiresOn) {
}

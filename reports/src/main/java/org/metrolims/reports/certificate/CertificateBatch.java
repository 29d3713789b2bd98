package org.metrolims.reports.certificate;

import java.time.Instant;

/** A batch issue job and its progress, counted from its per-item states. */
public record CertificateBatch(long id, long organizationId, String status, Instant requestedAt, Instant finishedAt,
        long total, long issued, long failed) {

    public long pending() {
        return total - issued - failed;
    }

    public int percent() {
        return total == 0 ? 100 : (int) ((issued + failed) * 100 / total);
    }
}

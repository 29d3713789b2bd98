package org.metrolims.reports.pt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a PT document is issued (ISO/IEC 17043:2023 7.4.3, ISO/IEC 17025:2017 7.8.8): when (the instant, printed as
 * the date in the provider's zone and stamped into the PDF), its revision, and for a revision after the first why it
 * replaces the one before.
 */
public record PtIssue(Instant issuedAt, ZoneId zone, int revision, String reason) {

    public PtIssue {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(zone, "zone");
        if (revision < 1) {
            throw new IllegalArgumentException("a revision is numbered from 1, not " + revision);
        }
        if (revision > 1 && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("revision " + revision + " states why it replaces the one before");
        }
    }

    /** The first issue at an instant. */
    public static PtIssue first(Instant issuedAt, ZoneId zone) {
        return new PtIssue(issuedAt, zone, 1, null);
    }

    public LocalDate issuedOn() {
        return issuedAt.atZone(zone).toLocalDate();
    }

    /** The date of issue as printed, with the revision line for a revision after the first. */
    String printed() {
        if (revision == 1) {
            return issuedOn().toString();
        }
        return issuedOn() + "\n第 " + revision + " 版，替代第 " + (revision - 1) + " 版：" + reason.strip()
                + "\nRevision " + revision + ", replaces revision " + (revision - 1) + ": " + reason.strip();
    }
}

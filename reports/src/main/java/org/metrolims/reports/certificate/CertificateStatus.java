package org.metrolims.reports.certificate;

/** A certificate revision's standing: the current one is VALID; an amended one SUPERSEDED; a withdrawn one WITHDRAWN. */
public enum CertificateStatus {
    VALID, SUPERSEDED, WITHDRAWN
}

package org.metrolims.app.certificate;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.reports.certificate.CertificateViewer;

/** Officers and administrators see every certificate; labs and technicians those of their organization. */
final class CertificateViewers {

    private CertificateViewers() {
    }

    static CertificateViewer of(MetroLimsUser user) {
        return new CertificateViewer(user.organizationId(), user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN));
    }
}

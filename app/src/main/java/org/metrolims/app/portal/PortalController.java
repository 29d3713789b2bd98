package org.metrolims.app.portal;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationFilter;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.schedule.Recalls;
import org.metrolims.db.PageRequest;
import org.metrolims.reports.certificate.CertificateFilter;
import org.metrolims.reports.certificate.CertificateViewer;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The lab portal page (LAB users; the role rule is in SecurityConfiguration). */
@Controller
class PortalController {

    private final LabPortal portal;
    private final CalibrationRecords calibrations;
    private final Certificates certificates;
    private final Recalls recalls;

    PortalController(LabPortal portal, CalibrationRecords calibrations, Certificates certificates,
            Recalls recalls) {
        this.portal = portal;
        this.calibrations = calibrations;
        this.certificates = certificates;
        this.recalls = recalls;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal MetroLimsUser user, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        // its instruments as a data table: searched, sorted and paged in SQL, with its state in the URL
        TableQuery table = TableQuery.of(request, LabPortal.SORTS, false);
        model.addAttribute("table", table);
        model.addAttribute("instruments", portal.instruments(user, table));
        // a lab is no technician and reads only the calibrations of its own organization
        Actor lab = new Actor(user.userId(), user.getUsername(), user.organizationId(), user.organizationCode(),
                false, false);
        model.addAttribute("calibrations", calibrations.list(lab, CalibrationFilter.any(), new PageRequest(0, 10)));
        // its latest certificates: a lab sees those where it is the customer (or the issuer)
        model.addAttribute("certificates", certificates.list(new CertificateViewer(user.organizationId(), false),
                new CertificateFilter(null, null, null, null), new PageRequest(0, 10)).items());
        // what the recall job (schedules) left for the lab: due soon, overdue, certificates expiring
        model.addAttribute("messages", recalls.latest(user.organizationId(), 10));
        return "portal/home";
    }
}

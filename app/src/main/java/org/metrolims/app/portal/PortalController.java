package org.metrolims.app.portal;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationFilter;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.db.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The lab portal page (LAB users; the role rule is in SecurityConfiguration). */
@Controller
class PortalController {

    private final LabPortal portal;
    private final CalibrationRecords calibrations;

    PortalController(LabPortal portal, CalibrationRecords calibrations) {
        this.portal = portal;
        this.calibrations = calibrations;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal MetroLimsUser user, Model model) {
        model.addAttribute("instruments", portal.instruments(user));
        // a lab is no technician and reads only the calibrations of its own organization
        Actor lab = new Actor(user.userId(), user.getUsername(), user.organizationId(), user.organizationCode(),
                false, false);
        model.addAttribute("calibrations", calibrations.list(lab, CalibrationFilter.any(), new PageRequest(0, 10)));
        // the recall job (schedules) adds its messages here
        model.addAttribute("messages", List.of());
        return "portal/home";
    }
}

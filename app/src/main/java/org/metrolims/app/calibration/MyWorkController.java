package org.metrolims.app.calibration;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationWork;
import org.metrolims.calibration.record.WorkList;
import org.metrolims.db.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My work: for a technician, the records returned to him with the reviewer's finding, his drafts to finish, the
 * records of his laboratory waiting for his review (never his own) and the approved ones ready to issue; each list
 * paged on its own. Other roles have no calibration work and are told so.
 */
@Controller
class MyWorkController {

    static final int PAGE_SIZE = 20;

    private final CalibrationWork work;

    MyWorkController(CalibrationWork work) {
        this.work = work;
    }

    @GetMapping("/my-work")
    String myWork(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(defaultValue = "0") int returnedPage,
            @RequestParam(defaultValue = "0") int finishPage, @RequestParam(defaultValue = "0") int reviewPage,
            @RequestParam(defaultValue = "0") int issuePage, Model model) {
        Actor actor = CalibrationActors.of(user);
        model.addAttribute("technician", actor.technician());
        model.addAttribute("returned", work.list(actor, WorkList.RETURNED, PageRequest.clamped(returnedPage, PAGE_SIZE)));
        model.addAttribute("toFinish", work.list(actor, WorkList.TO_FINISH, PageRequest.clamped(finishPage, PAGE_SIZE)));
        model.addAttribute("toReview", work.list(actor, WorkList.TO_REVIEW, PageRequest.clamped(reviewPage, PAGE_SIZE)));
        model.addAttribute("toIssue", work.list(actor, WorkList.TO_ISSUE, PageRequest.clamped(issuePage, PAGE_SIZE)));
        return "work/my-work";
    }
}

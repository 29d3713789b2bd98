package org.metrolims.app.calibration;

import java.util.List;
import java.util.Map;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.MeasuredPoint;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON the calibration form (static/js/calibration.js) calls from the signed-in page. It lives under
 * /calibrations, not /api: /api is stateless HTTP Basic, while these calls ride the page's session and its CSRF token
 * (sent in the X-CSRF-TOKEN header). Errors are the API's problem+json, naming the field.
 */
@RestController
class CalibrationFormController {

    private final CalibrationRecords records;

    CalibrationFormController(CalibrationRecords records) {
        this.records = records;
    }

    /** Live recomputation as the technician types: the points evaluated and decided, nothing stored. */
    @PostMapping("/calibrations/preview")
    List<MeasuredPoint> preview(@AuthenticationPrincipal MetroLimsUser user, @RequestBody CalibrationDraft draft) {
        return records.preview(CalibrationActors.of(user), draft);
    }

    /** Stores the draft; the page then goes to the record's page. */
    @PostMapping("/calibrations/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@AuthenticationPrincipal MetroLimsUser user, @RequestBody CalibrationDraft draft) {
        Calibration c = records.draft(CalibrationActors.of(user), draft);
        return Map.of("id", c.id(), "calibrationNo", c.calibrationNo());
    }
}

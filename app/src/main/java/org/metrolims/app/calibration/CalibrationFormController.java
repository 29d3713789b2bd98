package org.metrolims.app.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.procedure.ProcedureTemplates;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.instrument.InstrumentFilter;
import org.metrolims.calibration.instrument.Instruments;
import org.metrolims.calibration.record.MeasuredPoint;
import org.metrolims.calibration.record.ReferenceStandardsUnfitException;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.db.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON the calibration form (static/js/calibration.js) calls from the signed-in page. It lives under
 * /calibrations, not /api: /api is stateless HTTP Basic, while these calls ride the page's session and its CSRF token
 * (sent in the X-CSRF-TOKEN header). Errors are the API's problem+json, naming the field.
 */
@RestController
class CalibrationFormController {

    private static final int PICKER_SIZE = 20;

    private final CalibrationRecords records;
    private final Instruments instruments;
    private final MessageSource messages;
    private final ProcedureTemplates procedures;

    CalibrationFormController(CalibrationRecords records, Instruments instruments, MessageSource messages,
            ProcedureTemplates procedures) {
        this.records = records;
        this.instruments = instruments;
        this.messages = messages;
        this.procedures = procedures;
    }

    /** A reference standard the form must offer to override, with why it was refused in the user's language. */
    record UnfitOption(long standardId, String code, String message, String overrideLabel) {
    }

    /**
     * Unfit reference standards: 400 naming {@code referenceStandardIds}, worded in the user's language, and the list
     * of refused standards under {@code unfit} so that the form offers an override (a reason) for each.
     */
    @ExceptionHandler(ReferenceStandardsUnfitException.class)
    ResponseEntity<ProblemDetail> onUnfit(ReferenceStandardsUnfitException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<UnfitOption> unfit = e.unfit().stream().map(u -> new UnfitOption(u.standardId(), u.code(),
                u.problems().stream().map(p -> messages.getMessage("calibration.unfit." + p.name(), new Object[] {
                    u.code(), u.validUntil() == null ? "—" : u.validUntil().toString(),
                    u.status() == null ? "" : messages.getMessage("calibration.unfit.status." + u.status(), null,
                            u.status(), locale)}, locale)).collect(Collectors.joining("; ")),
                messages.getMessage("calibration.unfit.overrideLabel", new Object[] {u.code()}, locale))).toList();
        String text = unfit.stream().map(UnfitOption::message).collect(Collectors.joining("; "));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text);
        p.setTitle(messages.getMessage("calibration.unfit.title", null, locale));
        p.setProperty("errors", List.of(new FieldProblem("referenceStandardIds", text)));
        p.setProperty("unfit", unfit);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** An instrument the form's picker offers: its id and what a technician recognises it by. */
    record InstrumentOption(long id, String label, String owner) {
    }

    /**
     * The instrument picker: up to 20 instruments whose serial, asset number, manufacturer or model contains what was
     * typed (technicians see every organization's instruments, as customers bring them from anywhere).
     */
    @GetMapping("/calibrations/options/instruments")
    List<InstrumentOption> instrumentOptions(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(defaultValue = "") String q) {
        CalibrationActors.requireTechnician(user);
        String text = q.strip();
        if (text.length() < 2) {
            return List.of(); // one character matches half the province
        }
        RegistryUser reader = new RegistryUser(user.getUsername(), user.organizationId(), false, true, true);
        return instruments.search(new InstrumentFilter(null, null, null, null, null, text),
                new PageRequest(0, PICKER_SIZE), reader).items().stream()
                .map(i -> new InstrumentOption(i.id(), i.serialNo() + " · " + i.type() + " · " + i.manufacturer() + " "
                        + i.model() + (i.assetNo() == null ? "" : " · " + i.assetNo()), i.owner()))
                .toList();
    }

    /** Live recomputation as the technician types: the points evaluated and decided, nothing stored. */
    @PostMapping("/calibrations/preview")
    List<MeasuredPoint> preview(@AuthenticationPrincipal MetroLimsUser user, @RequestBody CalibrationDraft draft) {
        return records.preview(CalibrationActors.of(user), draft);
    }

    /**
     * Stores the draft; the page then goes to the record's page. With {@code procedureVersionId} (the procedure
     * picker's choice) the record names the template version it was drafted from.
     */
    @PostMapping("/calibrations/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@AuthenticationPrincipal MetroLimsUser user, @RequestBody CalibrationDraft draft,
            @RequestParam(required = false) Long procedureVersionId) {
        Calibration c = procedureVersionId == null ? records.draft(CalibrationActors.of(user), draft)
                : procedures.draftCalibration(CalibrationActors.of(user), draft, procedureVersionId);
        return Map.of("id", c.id(), "calibrationNo", c.calibrationNo());
    }
}

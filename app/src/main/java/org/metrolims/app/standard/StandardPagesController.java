package org.metrolims.app.registry;

import org.metrolims.app.web.FormErrors;
import org.metrolims.app.web.TableQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.instrument.InstrumentDetails;
import org.metrolims.calibration.instrument.InstrumentFilter;
import org.metrolims.calibration.instrument.Instruments;
import org.metrolims.calibration.standard.CertificateDetails;
import org.metrolims.calibration.standard.MeasurementStandard;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryConflictException;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardFilter;
import org.metrolims.calibration.standard.StandardHistory;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.calibration.standard.StandardStatus;
import org.metrolims.calibration.traceability.scheme.SchemeClaims;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.reference.RegionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry pages: the instrument list with the register form (technicians), the standards list with filters and
 * its CSV/Excel download, and a standard's page with its status history, certificates, equipment and audit trail.
 * Every signed-in user sees them; a lab sees only its own organization's records.
 */
@Controller
class RegistryPagesController {

    private static final int PAGE_SIZE = 50;

    private final MeasurementStandards standards;
    private final Instruments instruments;
    private final SchemeClaims schemeClaims;
    private final FormErrors formErrors;

    RegistryPagesController(MeasurementStandards standards, Instruments instruments, SchemeClaims schemeClaims,
            FormErrors formErrors) {
        this.standards = standards;
        this.instruments = instruments;
        this.schemeClaims = schemeClaims;
        this.formErrors = formErrors;
    }

    /** The register form: its numbers are bound as numbers, so one that is not comes back at its field. */
    public static final class InstrumentForm {
        private String owner;
        private String type;
        private String assetNo;
        private String manufacturer;
        private String model;
        private String serialNo;
        private BigDecimal rangeLow;
        private BigDecimal rangeHigh;
        private String unit;
        private BigDecimal resolution;
        private BigDecimal maxPermissibleError;
        private String location;
        private Integer calibrationIntervalMonths;

        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getAssetNo() { return assetNo; }
        public void setAssetNo(String assetNo) { this.assetNo = assetNo; }
        public String getManufacturer() { return manufacturer; }
        public void setManufacturer(String manufacturer) { this.manufacturer = manufacturer; }
        public String getModel() { return model; }
        public void setModel(String model) { this.model = model; }
        public String getSerialNo() { return serialNo; }
        public void setSerialNo(String serialNo) { this.serialNo = serialNo; }
        public BigDecimal getRangeLow() { return rangeLow; }
        public void setRangeLow(BigDecimal rangeLow) { this.rangeLow = rangeLow; }
        public BigDecimal getRangeHigh() { return rangeHigh; }
        public void setRangeHigh(BigDecimal rangeHigh) { this.rangeHigh = rangeHigh; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public BigDecimal getResolution() { return resolution; }
        public void setResolution(BigDecimal resolution) { this.resolution = resolution; }
        public BigDecimal getMaxPermissibleError() { return maxPermissibleError; }
        public void setMaxPermissibleError(BigDecimal maxPermissibleError) { this.maxPermissibleError = maxPermissibleError; }
        public String getLocation() { return location; }
        public void setLocation(String location) { this.location = location; }
        public Integer getCalibrationIntervalMonths() { return calibrationIntervalMonths; }
        public void setCalibrationIntervalMonths(Integer months) { this.calibrationIntervalMonths = months; }

        InstrumentDetails details() {
            return new InstrumentDetails(text(owner), text(type), text(assetNo), text(manufacturer), text(model),
                    text(serialNo), rangeLow, rangeHigh, text(unit), resolution, maxPermissibleError, text(location),
                    calibrationIntervalMonths, null);
        }
    }

    /** The status form: a new status from a date, with the reason (required to suspend or retire). */
    record StatusForm(Integer version, StandardStatus status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom, String reason) {
    }

    /** The assessment-certificate form. */
    record CertificateForm(Integer version, String certificateNo,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, String issuer) {
    }

    /** The equipment form: link (the default) or unlink one instrument, with the reason. */
    record EquipmentForm(Long instrumentId, String action, String reason) {
    }

    @GetMapping("/registry/instruments")
    String instruments(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("table", TableQuery.of(request, java.util.List.of("serial"), false));
        var filter = new InstrumentFilter(null, null, null, null, null, q);
        model.addAttribute("instruments", instruments.search(filter, PageRequest.clamped(page, PAGE_SIZE),
                RegistryUsers.of(user)));
        model.addAttribute("q", q);
        model.addAttribute("canRegister", user.hasRole(Role.TECHNICIAN) || user.hasRole(Role.ADMIN));
        if (!model.containsAttribute("form")) {
            InstrumentForm form = new InstrumentForm();
            form.setOwner(user.organizationCode());
            model.addAttribute("form", form);
        }
        return "registry/instruments";
    }

    @PostMapping("/registry/instruments")
    String register(@AuthenticationPrincipal MetroLimsUser user, @ModelAttribute("form") InstrumentForm form,
            BindingResult bound, jakarta.servlet.http.HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!user.hasRole(Role.TECHNICIAN) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("instruments are registered by technicians and administrators");
        }
        if (!bound.hasErrors()) { // a value that is not a number stops here, and the registry's own checks wait
            try {
                var created = instruments.register(form.details(), RegistryUsers.of(user));
                redirect.addFlashAttribute("registered", created.serialNo());
                return "redirect:/registry/instruments";
            } catch (RegistryInputException e) {
                FormErrors.reject(bound, e);
            } catch (Forbidden e) {
                bound.rejectValue("owner", "invalid", e.getMessage());
            }
        }
        model.addAttribute("errors", pageErrors(bound));
        return instruments(user, null, 0, request, model);
    }

    @GetMapping("/registry/standards")
    String standards(@AuthenticationPrincipal MetroLimsUser user, @ModelAttribute StandardQuery query,
            @RequestParam(defaultValue = "0") int page, jakarta.servlet.http.HttpServletRequest request, Model model) {
        // the pager's links keep the filters
        model.addAttribute("table", TableQuery.of(request, java.util.List.of("code"), false, "region", "discipline",
                "level", "status", "expiringWithinDays"));
        model.addAttribute("standards", standards.search(query.filter(),
                PageRequest.clamped(page, PAGE_SIZE), RegistryUsers.of(user)));
        model.addAttribute("query", query);
        model.addAttribute("levels", StandardLevel.values());
        model.addAttribute("statuses", StandardStatus.values());
        return "registry/standards";
    }

    @GetMapping("/registry/standards/export.csv")
    ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal MetroLimsUser user,
            @ModelAttribute StandardQuery query) {
        return RegistryFiles.csv(standards.export(query.filter(), RegistryUsers.of(user)), "standards");
    }

    @GetMapping("/registry/standards/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@AuthenticationPrincipal MetroLimsUser user,
            @ModelAttribute StandardQuery query) {
        return RegistryFiles.xlsx(standards.export(query.filter(), RegistryUsers.of(user)), "standards");
    }

    @GetMapping("/registry/standards/{id}")
    String standard(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, Model model) {
        RegistryUser who = RegistryUsers.of(user);
        StandardHistory history = found(() -> standards.history(id, who));
        model.addAttribute("history", history);
        MeasurementStandard s = history.standard();
        boolean canWrite = who.canWrite(s.ownerOrganizationId()) && s.status() != StandardStatus.RETIRED;
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("statuses", StandardStatus.values());
        // its place in the verification scheme, with the claim forms (coverage/scheme-claim.html)
        model.addAttribute("schemeClaim", schemeClaims.view(id, who));
        if (canWrite) { // the owner's instruments not yet part of any standard, for the equipment picker
            model.addAttribute("freeInstruments", instruments.search(new InstrumentFilter(null, null, s.owner(), null,
                    null, null), new PageRequest(0, 500), who).items().stream()
                    .filter(i -> i.standard() == null).toList());
        }
        return "registry/standard";
    }

    /** The status form: a new status from a date, with the reason (required to suspend or retire). */
    @PostMapping("/registry/standards/{id}/status")
    String changeStatus(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute StatusForm form, BindingResult bound, RedirectAttributes redirect) {
        return standardStep(redirect, id, bound, () -> standards.changeStatus(id, form.version(), form.status(),
                form.effectiveFrom(), form.reason(), RegistryUsers.of(user)));
    }

    /** The assessment-certificate form: a renewed 计量标准考核证书. */
    @PostMapping("/registry/standards/{id}/certificates")
    String addCertificate(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute CertificateForm form, BindingResult bound, RedirectAttributes redirect) {
        return standardStep(redirect, id, bound, () -> standards.addCertificate(id, form.version(),
                new CertificateDetails(form.certificateNo(), form.issuedOn(), form.expiresOn(), form.issuer()),
                RegistryUsers.of(user)));
    }

    /** The equipment form: link one of the owner's free instruments, or unlink one, with the reason. */
    @PostMapping("/registry/standards/{id}/equipment")
    String changeEquipment(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute EquipmentForm form, BindingResult bound, RedirectAttributes redirect) {
        return standardStep(redirect, id, bound, () -> {
            if (!"unlink".equals(form.action())) {
                return standards.linkEquipment(id, form.instrumentId(), form.reason(), RegistryUsers.of(user));
            }
            if (form.instrumentId() == null) {
                throw new RegistryInputException("instrumentId", "choose an instrument");
            }
            return standards.unlinkEquipment(id, form.instrumentId(), form.reason(), RegistryUsers.of(user));
        });
    }

    /** Runs a change from the standard's page; refusals come back as field errors on the page, never a 500. */
    private String standardStep(RedirectAttributes redirect, long id, BindingResult bound,
            java.util.function.Supplier<?> change) {
        if (bound.hasErrors()) { // a value of the wrong kind (a date that is not one): nothing is tried
            redirect.addFlashAttribute("errors", pageErrors(bound));
            return "redirect:/registry/standards/" + id;
        }
        try {
            found(change);
            redirect.addFlashAttribute("changed", true);
        } catch (RegistryInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (RegistryConflictException e) {
            redirect.addFlashAttribute("errors", List.of(new RegistryInputException.FieldError("version", e.getMessage())));
        } catch (Forbidden e) {
            throw new AccessDeniedException(e.getMessage());
        }
        return "redirect:/registry/standards/" + id;
    }

    /** The standards list's filters as query parameters. */
    record StandardQuery(String region, String discipline, StandardLevel level, StandardStatus status,
            Integer expiringWithinDays, String q) {

        StandardFilter filter() {
            Integer days = expiringWithinDays == null ? null : Math.clamp(expiringWithinDays, 0, 36_500);
            RegionCode within;
            try {
                within = blank(region) == null ? null : new RegionCode(region.strip());
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "region: " + e.getMessage(), e);
            }
            return new StandardFilter(within, blank(discipline), level, status, days, blank(q), null);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    private static <T> T found(Supplier<T> read) {
        try {
            return read.get();
        } catch (RegistryNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
        }
    }

    /** The form's errors as the registry's pages list them, each message in the asker's language. */
    private List<RegistryInputException.FieldError> pageErrors(BindingResult bound) {
        return formErrors.of(bound).stream().map(e -> new RegistryInputException.FieldError(e.field(), e.message()))
                .toList();
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

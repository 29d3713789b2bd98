package org.metrolims.app.instrument;

import java.math.BigDecimal;
import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.app.standard.RegistryUsers;
import org.metrolims.app.web.FormErrors;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.instrument.InstrumentDetails;
import org.metrolims.calibration.instrument.InstrumentFilter;
import org.metrolims.calibration.instrument.Instruments;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.Forbidden;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instrument list with the register form (technicians and administrators). Every signed-in user sees the list; a
 * lab sees only its own organization's instruments.
 */
@Controller
class InstrumentListPagesController {

    private static final int PAGE_SIZE = 50;

    private final Instruments instruments;
    private final FormErrors formErrors;

    InstrumentListPagesController(Instruments instruments, FormErrors formErrors) {
        this.instruments = instruments;
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

    @GetMapping("/registry/instruments")
    String instruments(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("table", TableQuery.of(request, List.of("serial"), false));
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

    /** The form's errors as the registry's pages list them, each message in the asker's language. */
    private List<RegistryInputException.FieldError> pageErrors(BindingResult bound) {
        return formErrors.of(bound).stream().map(e -> new RegistryInputException.FieldError(e.field(), e.message()))
                .toList();
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.metrolims.app.standard;

import org.metrolims.app.web.ProvinceToday;

import org.metrolims.calibration.traceability.scheme.VerificationSchemes;

import org.metrolims.calibration.traceability.TraceabilityAnalysis;

import org.metrolims.app.web.FormErrors;
import org.metrolims.app.web.TableQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.metrolims.app.security.MetroLimsUser;
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
import org.metrolims.db.reference.ReferenceData;
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
 * The standards pages: the list with filters and its CSV/Excel download, and a standard's page with its status
 * history, certificates, equipment and audit trail, and the forms that change them. Every signed-in user sees them; a
 * lab sees only its own organization's records.
 */
@Controller
class StandardPagesController {

    private static final int PAGE_SIZE = 50;

    private final MeasurementStandards standards;
    private final Instruments instruments;
    private final SchemeClaims schemeClaims;
    private final FormErrors formErrors;
    private final TraceabilityAnalysis traceability;
    private final VerificationSchemes schemes;
    private final ProvinceToday today;
    private final ReferenceData reference;

    StandardPagesController(MeasurementStandards standards, Instruments instruments, SchemeClaims schemeClaims,
            FormErrors formErrors, TraceabilityAnalysis traceability, VerificationSchemes schemes,
            ProvinceToday today, ReferenceData reference) {
        this.reference = reference;
        this.standards = standards;
        this.instruments = instruments;
        this.schemeClaims = schemeClaims;
        this.formErrors = formErrors;
        this.traceability = traceability;
        this.schemes = schemes;
        this.today = today;
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
        // the discipline filter is chosen by name (ten of them)
        model.addAttribute("disciplines", reference.disciplines(new PageRequest(0, 100)).items());
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
        // its chain today, drawn, and from it when each item of its equipment is next due
        var chain = schemes.withStandings(traceability.chain(id, today.date(), who));
        model.addAttribute("chain", chain);
        model.addAttribute("diagram", ChainDiagram.of(chain));
        model.addAttribute("dueDates", ChainDiagram.dueDates(chain));
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
}

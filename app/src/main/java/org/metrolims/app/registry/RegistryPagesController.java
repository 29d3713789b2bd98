package org.metrolims.app.registry;

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
import org.metrolims.calibration.standard.FieldChecks;
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
    private final org.metrolims.calibration.traceability.TraceabilityAnalysis traceability;
    private final org.metrolims.calibration.traceability.scheme.VerificationSchemes schemes;
    private final org.metrolims.app.web.ProvinceToday today;

    RegistryPagesController(MeasurementStandards standards, Instruments instruments, SchemeClaims schemeClaims,
            org.metrolims.calibration.traceability.TraceabilityAnalysis traceability,
            org.metrolims.calibration.traceability.scheme.VerificationSchemes schemes,
            org.metrolims.app.web.ProvinceToday today) {
        this.standards = standards;
        this.instruments = instruments;
        this.schemeClaims = schemeClaims;
        this.traceability = traceability;
        this.schemes = schemes;
        this.today = today;
    }

    /** The register form's fields as typed. */
    record InstrumentForm(String owner, String type, String assetNo, String manufacturer, String model,
            String serialNo, String rangeLow, String rangeHigh, String unit, String resolution,
            String maxPermissibleError, String location, String calibrationIntervalMonths) {
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
            model.addAttribute("form", new InstrumentForm(user.organizationCode(), null, null, null, null, null, null,
                    null, null, null, null, null, null));
        }
        return "registry/instruments";
    }

    @PostMapping("/registry/instruments")
    String register(@AuthenticationPrincipal MetroLimsUser user, @ModelAttribute("form") InstrumentForm form,
            jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!user.hasRole(Role.TECHNICIAN) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("instruments are registered by technicians and administrators");
        }
        try {
            var created = instruments.register(details(form), RegistryUsers.of(user));
            redirect.addFlashAttribute("registered", created.serialNo());
            return "redirect:/registry/instruments";
        } catch (RegistryInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (Forbidden e) {
            model.addAttribute("errors", List.of(new RegistryInputException.FieldError("owner", e.getMessage())));
        }
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
        // its chain today, drawn, and from it when each item of its equipment is next due
        var chain = schemes.withStandings(traceability.chain(id, today.date(), who));
        model.addAttribute("chain", chain);
        model.addAttribute("diagram", org.metrolims.app.coverage.ChainDiagram.of(chain));
        model.addAttribute("dueDates", org.metrolims.app.coverage.ChainDiagram.dueDates(chain));
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
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) StandardStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return standardStep(redirect, id, () -> standards.changeStatus(id, version, status, effectiveFrom, reason,
                RegistryUsers.of(user)));
    }

    /** The assessment-certificate form: a renewed 计量标准考核证书. */
    @PostMapping("/registry/standards/{id}/certificates")
    String addCertificate(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String certificateNo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            @RequestParam(required = false) String issuer, RedirectAttributes redirect) {
        return standardStep(redirect, id, () -> standards.addCertificate(id, version,
                new CertificateDetails(certificateNo, issuedOn, expiresOn, issuer), RegistryUsers.of(user)));
    }

    /** The equipment form: link one of the owner's free instruments, or unlink one, with the reason. */
    @PostMapping("/registry/standards/{id}/equipment")
    String changeEquipment(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Long instrumentId, @RequestParam(defaultValue = "link") String action,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return standardStep(redirect, id, () -> {
            if (!"unlink".equals(action)) {
                return standards.linkEquipment(id, instrumentId, reason, RegistryUsers.of(user));
            }
            if (instrumentId == null) {
                throw new RegistryInputException("instrumentId", "choose an instrument");
            }
            return standards.unlinkEquipment(id, instrumentId, reason, RegistryUsers.of(user));
        });
    }

    /** Runs a change from the standard's page; refusals come back as field errors on the page, never a 500. */
    private String standardStep(RedirectAttributes redirect, long id, java.util.function.Supplier<?> change) {
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

    /** The typed form as details; numbers that do not parse are reported with the service's own findings. */
    private static InstrumentDetails details(InstrumentForm f) {
        FieldChecks checks = new FieldChecks();
        var details = new InstrumentDetails(text(f.owner()), text(f.type()), text(f.assetNo()),
                text(f.manufacturer()), text(f.model()), text(f.serialNo()), decimal("rangeLow", f.rangeLow(), checks),
                decimal("rangeHigh", f.rangeHigh(), checks), text(f.unit()),
                decimal("resolution", f.resolution(), checks),
                decimal("maxPermissibleError", f.maxPermissibleError(), checks), text(f.location()),
                integer("calibrationIntervalMonths", f.calibrationIntervalMonths(), checks), null);
        checks.throwIfAny();
        return details;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static BigDecimal decimal(String field, String s, FieldChecks checks) {
        try {
            return text(s) == null ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            checks.reject(field, "is not a number");
            return null;
        }
    }

    private static Integer integer(String field, String s, FieldChecks checks) {
        try {
            return text(s) == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            checks.reject(field, "is not a whole number");
            return null;
        }
    }
}

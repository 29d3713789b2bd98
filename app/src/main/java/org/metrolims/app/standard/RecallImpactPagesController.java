package org.metrolims.app.standard;

import org.metrolims.app.web.Labels;
import org.metrolims.app.web.TableExport;
import org.metrolims.app.web.TableQuery;
import org.springframework.context.MessageSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.standard.CsvCells;
import org.metrolims.calibration.traceability.RecallImpact;
import org.metrolims.calibration.traceability.RecallImpact.ImpactedCalibration;
import org.metrolims.calibration.traceability.RecallImpact.ImpactedCertificate;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.db.failure.NotFound;
import org.metrolims.db.identity.Organizations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The recall impact page of a standard found out of tolerance ("the worst day of the year"): since when it is suspect,
 * every calibration done with it since (and transitively with the standards those calibrated), the certificates they
 * produced, counts at the top, and the same list as CSV. Who may see a standard is the service's rule (a lab only
 * its own); a certificate's PDF is offered to staff, and to a lab only for certificates it is the customer of.
 */
@Controller
class RecallImpactPagesController {

    private final TraceabilityAnalysis traceability;
    private final Organizations organizations;
    private final MessageSource messages;
    private final Labels labels;

    private final ProvinceToday today;

    RecallImpactPagesController(TraceabilityAnalysis traceability, Organizations organizations,
            MessageSource messages, Labels labels, ProvinceToday today) {
        this.traceability = traceability;
        this.organizations = organizations;
        this.messages = messages;
        this.labels = labels;
        this.today = today;
    }

    /** The figures at the top of the page. */
    record Counts(int calibrations, long direct, long transitive, long customers, long certificates,
            long validCertificates, int affectedStandards) {

        static Counts of(RecallImpact impact) {
            List<ImpactedCalibration> c = impact.calibrations();
            long direct = c.stream().filter(x -> x.depth() == 1).count();
            List<ImpactedCertificate> certificates = c.stream().flatMap(x -> x.certificates().stream()).toList();
            return new Counts(c.size(), direct, c.size() - direct,
                    c.stream().map(ImpactedCalibration::customerCode).distinct().count(), certificates.size(),
                    certificates.stream().filter(x -> "VALID".equals(x.status())).count(),
                    impact.affectedStandards().size());
        }
    }

    @GetMapping("/standards/{id}/impact")
    String impact(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        LocalDate found = today.orToday(foundOn);
        RecallImpact impact = load(user, id, found);
        model.addAttribute("impact", impact);
        // the list is paged (a standard used for years has hundreds), searchable and sortable; the CSV keeps it all
        TableQuery table = TableQuery.of(request, ImpactTable.SORTS, false, "foundOn");
        model.addAttribute("table", table);
        var names = ImpactTable.customerNames(impact, organizations,
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        model.addAttribute("customerNames", names);
        model.addAttribute("rows", ImpactTable.page(impact.calibrations(), table, names));
        model.addAttribute("foundOn", found);
        model.addAttribute("sinceKnown", !impact.since().equals(LocalDate.MIN));
        model.addAttribute("counts", Counts.of(impact));
        model.addAttribute("staff",
                user.hasRole(Role.OFFICER) || user.hasRole(Role.TECHNICIAN) || user.hasRole(Role.ADMIN));
        model.addAttribute("organizationCode", user.organizationCode());
        return "coverage/impact";
    }

    /**
     * The impact's list as CSV or Excel, as the page shows it (labels and statuses in the user's language, customers
     * by name) for the same search, every matching calibration, grouped by customer with the customers by name.
     */
    @GetMapping("/standards/{id}/impact/export.{format}")
    void export(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn,
            jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        TableExport.Format as = TableExport.Format.of(format);
        LocalDate found = today.orToday(foundOn);
        RecallImpact impact = load(user, id, found);
        TableQuery table = TableQuery.of(request, ImpactTable.SORTS, false, "foundOn");
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var names = ImpactTable.customerNames(impact, organizations, locale);
        List<ImpactedCalibration> rows = ImpactTable.groupedByCustomer(impact.calibrations(), table, names);
        java.util.function.Function<String, String> label = key -> messages.getMessage(key, null, locale);
        List<TableExport.Column<ImpactedCalibration>> columns = List.of(
                new TableExport.Column<>(label.apply("coverage.impact.customer"),
                        c -> names.getOrDefault(c.customerCode(), c.customerCode())),
                new TableExport.Column<>(label.apply("coverage.impact.depth"), c -> c.depth() == 1
                        ? label.apply("coverage.impact.level.direct")
                        : messages.getMessage("coverage.impact.level.transitive", new Object[] {c.depth()}, locale)),
                new TableExport.Column<>(label.apply("coverage.chain.calibration"),
                        c -> c.calibrationNo() + " r" + c.revision()),
                new TableExport.Column<>(label.apply("coverage.chain.calibratedOn"), c -> c.calibratedOn().toString()),
                new TableExport.Column<>(label.apply("coverage.impact.status"),
                        c -> labels.of("CalibrationStatus", c.status())),
                new TableExport.Column<>(label.apply("coverage.impact.via"), ImpactedCalibration::viaStandard),
                new TableExport.Column<>(label.apply("coverage.impact.calibratedStandard"),
                        c -> c.calibratedStandard().orElse("")),
                new TableExport.Column<>(label.apply("coverage.impact.certificates"), c -> String.join("; ",
                        c.certificates().stream().map(t -> t.certificateNo() + " r" + t.revision() + " ("
                                + labels.of("CertificateStatus", t.status()) + ")").toList())));
        TableExport.send(response, as, "recall-impact-" + impact.code() + "-" + found, columns, rows::forEach);
    }

    @GetMapping("/standards/{id}/impact.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn) {
        LocalDate found = today.orToday(foundOn);
        RecallImpact impact = load(user, id, found);
        String file = "recall-impact-" + impact.code().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + found + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(csv(impact, found).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One row per certificate of each impacted calibration (one row with empty certificate fields when it has none),
     * in the page's order; fields quoted as RFC 4180 says.
     */
    static String csv(RecallImpact impact, LocalDate foundOn) {
        List<String> header = List.of("standard", "found_out_of_tolerance_on", "suspect_since", "depth",
                "calibration_no", "revision", "customer", "calibrated_on", "calibration_status", "via_standard",
                "calibrated_standard", "certificate_no", "certificate_revision", "certificate_status");
        List<List<String>> rows = new ArrayList<>();
        String since = impact.since().equals(LocalDate.MIN) ? "" : impact.since().toString();
        for (ImpactedCalibration c : impact.calibrations()) {
            List<Optional<ImpactedCertificate>> certificates = c.certificates().isEmpty()
                    ? List.of(Optional.empty()) : c.certificates().stream().map(Optional::of).toList();
            for (Optional<ImpactedCertificate> t : certificates) {
                rows.add(List.of(impact.code(), foundOn.toString(), since, String.valueOf(c.depth()),
                        c.calibrationNo(), String.valueOf(c.revision()), c.customerCode(),
                        c.calibratedOn().toString(), c.status(), c.viaStandard(), c.calibratedStandard().orElse(""),
                        t.map(ImpactedCertificate::certificateNo).orElse(""),
                        t.map(x -> String.valueOf(x.revision())).orElse(""),
                        t.map(ImpactedCertificate::status).orElse("")));
            }
        }
        StringBuilder out = new StringBuilder();
        CsvCells.write(header, rows, out);
        return out.toString();
    }

    private RecallImpact load(MetroLimsUser user, long id, LocalDate foundOn) {
        try {
            return traceability.impact(id, Optional.empty(), Optional.of(foundOn), RegistryUsers.of(user));
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}

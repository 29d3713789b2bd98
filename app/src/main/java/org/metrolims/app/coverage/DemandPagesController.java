package org.metrolims.app.coverage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.Labels;
import org.metrolims.app.web.NumberFormats;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.app.web.TableExport;
import org.metrolims.app.web.TableExport.Column;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.reference.ReferenceData;
import org.metrolims.db.reference.Region;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demand behind the dashboard's figures, as a data table (paged, searchable, filtered by verdict, sorted, its state
 * in the URL, regions and quantities by name) and as CSV or Excel with the same filters and order. A page holds one
 * page of rows, and each row names at most {@value #SERVED_SHOWN} of the standards serving it, so that the page stays
 * small however many standards serve a demand.
 */
@Controller
class DemandPagesController {

    /** Standards named per row on the page (the rest counted, and all of them in the export). */
    static final int SERVED_SHOWN = 3;

    private final CoverageMetrics metrics;
    private final CoverageAccess access;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final Labels labels;
    private final NumberFormats fmt;
    private final ProvinceToday today;

    DemandPagesController(CoverageMetrics metrics, CoverageAccess access, ReferenceData reference,
            MessageSource messages, Labels labels, NumberFormats fmt, ProvinceToday today) {
        this.today = today;
        this.metrics = metrics;
        this.access = access;
        this.reference = reference;
        this.messages = messages;
        this.labels = labels;
        this.fmt = fmt;
    }

    @GetMapping("/coverage/demand")
    String demand(@AuthenticationPrincipal MetroLimsUser user, HttpServletRequest request, Model model) {
        requireCoverage(user);
        DemandTable demand = table(request);
        Map<String, String> regions = regionNames(demand);
        List<DemandVerdict> matching = matching(demand, regions);
        model.addAttribute("table", demand.table());
        model.addAttribute("asOf", demand.asOf());
        model.addAttribute("region", demand.region().value());
        model.addAttribute("regionName", regions.getOrDefault(demand.region().value(), demand.region().value()));
        model.addAttribute("regionNames", regions);
        model.addAttribute("discipline", demand.discipline().orElse(""));
        model.addAttribute("verdicts", demand.page(matching));
        model.addAttribute("servedShown", SERVED_SHOWN);
        return "coverage/demand";
    }

    @GetMapping("/coverage/demand/export.{format}")
    void export(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String format,
            HttpServletRequest request, HttpServletResponse response) {
        requireCoverage(user);
        TableExport.Format as = TableExport.Format.of(format);
        DemandTable demand = table(request);
        Map<String, String> regions = regionNames(demand);
        List<DemandVerdict> rows = matching(demand, regions);
        Locale locale = LocaleContextHolder.getLocale();
        Function<String, String> label = key -> messages.getMessage(key, null, locale);
        String yes = label.apply("coverage.yes");
        String no = label.apply("coverage.no");
        List<Column<DemandVerdict>> columns = List.of(
                new Column<>(label.apply("coverage.region"),
                        v -> regions.getOrDefault(v.demand().regionCode(), v.demand().regionCode())),
                new Column<>(label.apply("coverage.demand.regionCode"), v -> v.demand().regionCode()),
                new Column<>(label.apply("coverage.quantity"), v -> labels.of("Quantity", v.demand().quantityCode())),
                new Column<>(label.apply("coverage.range"), v -> fmt.value(v.demand().rangeLow()) + " … "
                        + fmt.quantity(v.demand().rangeHigh(), v.demand().unit())),
                new Column<>(label.apply("coverage.neededU"),
                        v -> fmt.uncertainty(v.demand().neededUncertainty(), v.demand().unit())),
                new Column<>(label.apply("coverage.figure.capabilityCoverage"), v -> v.capable() ? yes : no),
                new Column<>(label.apply("coverage.figure.traceabilityCoverage"), v -> v.traceable() ? yes : no),
                new Column<>(label.apply("coverage.servedBy"), v -> String.join(", ",
                        v.servedBy().stream().map(CoverageStandard::code).toList())));
        TableExport.send(response, as, "demand-" + demand.region().value() + "-" + demand.asOf(), columns,
                rows::forEach);
    }

    private DemandTable table(HttpServletRequest request) {
        try {
            return DemandTable.of(request, today.date(), access::discipline);
        } catch (InvalidInput e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private List<DemandVerdict> matching(DemandTable demand, Map<String, String> regions) {
        List<DemandVerdict> all = metrics.demandBehind(demand.asOf(), demand.region(), demand.discipline());
        return demand.matching(all, regions, code -> labels.of("Quantity", code));
    }

    /** The names of the region and every region inside it, in the user's language (one query). */
    private Map<String, String> regionNames(DemandTable demand) {
        boolean zh = LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        Map<String, String> names = new HashMap<>();
        List<Region> regions = new java.util.ArrayList<>(reference.regions(Optional.empty(),
                Optional.of(demand.region()), new PageRequest(0, PageRequest.MAX_SIZE)).items());
        regions.forEach(r -> names.put(r.code(), zh ? r.nameZh() : r.nameEn()));
        return names;
    }

    private static void requireCoverage(MetroLimsUser user) {
        if (!CoverageAccess.seesCoverage(user)) {
            throw new AccessDeniedException("coverage");
        }
    }
}

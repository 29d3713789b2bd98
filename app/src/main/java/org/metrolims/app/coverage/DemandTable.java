package org.metrolims.app.coverage;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.reference.RegionCode;

/**
 * The demand drill-down's table state, read one way for the page and its export: the as-of date, region and
 * discipline the dashboard links with, a verdict filter (not traceable, not capable, served), the search (region or
 * quantity, by code or name) and the sort. The verdicts are computed in memory from the coverage snapshot (every
 * standard's chain on the day), so the search, sort and page apply to that computed list.
 *
 * @param asOf       the day of the figures
 * @param region     the region whose subtree is listed
 * @param discipline the discipline, if one
 */
record DemandTable(TableQuery table, LocalDate asOf, RegionCode region, Optional<String> discipline) {

    /** The sort keys: the verdict (not traceable first, as the dashboard's gaps), region, quantity, needed U. */
    static final List<String> SORTS = List.of("verdict", "region", "quantity", "needed");

    static DemandTable of(HttpServletRequest request, LocalDate today, Function<String, Optional<String>> discipline) {
        TableQuery table = TableQuery.of(request, SORTS, false, "asOf", "region", "discipline", "verdict");
        LocalDate asOf = today;
        if (table.filter("asOf") != null) {
            try {
                asOf = LocalDate.parse(table.filter("asOf"));
            } catch (DateTimeParseException e) {
                throw new InvalidInput("asOf", "'" + table.filter("asOf") + "' is not a date (yyyy-mm-dd)");
            }
        }
        RegionCode region = CoverageApiController.PROVINCE;
        if (table.filter("region") != null) {
            try {
                region = new RegionCode(table.filter("region"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("region", e.getMessage());
            }
        }
        return new DemandTable(table, asOf, region, discipline.apply(table.filter("discipline")));
    }

    /** The verdicts matching the search and verdict filter, in the table's order. */
    List<DemandVerdict> matching(List<DemandVerdict> all, Map<String, String> regionNames,
            Function<String, String> quantityName) {
        String q = table.q().toLowerCase(Locale.ROOT);
        String verdict = table.filter("verdict");
        Comparator<DemandVerdict> byVerdict = Comparator.comparing(DemandVerdict::traceable)
                .thenComparing(DemandVerdict::capable);
        Comparator<DemandVerdict> order = switch (table.sort()) {
            case "region" -> Comparator.comparing(v -> v.demand().regionCode());
            case "quantity" -> Comparator.comparing(v -> quantityName.apply(v.demand().quantityCode()));
            case "needed" -> Comparator.comparingDouble(v -> v.demand().neededUncertainty());
            default -> byVerdict;
        };
        order = (table.descending() ? order.reversed() : order)
                .thenComparing(v -> v.demand().regionCode()).thenComparingLong(v -> v.demand().id());
        return all.stream()
                .filter(v -> verdict == null || switch (verdict) {
                    case "untraceable" -> !v.traceable();
                    case "incapable" -> !v.capable();
                    case "served" -> v.capable() && v.traceable();
                    default -> true;
                })
                .filter(v -> q.isEmpty() || v.demand().regionCode().contains(q)
                        || v.demand().quantityCode().toLowerCase(Locale.ROOT).contains(q)
                        || quantityName.apply(v.demand().quantityCode()).toLowerCase(Locale.ROOT).contains(q)
                        || regionNames.getOrDefault(v.demand().regionCode(), "").toLowerCase(Locale.ROOT).contains(q))
                .sorted(order).toList();
    }

    /** One page of the matching verdicts. */
    Page<DemandVerdict> page(List<DemandVerdict> matching) {
        PageRequest p = table.pageRequest();
        int from = (int) Math.min((long) p.offset(), matching.size());
        int to = Math.min(from + p.size(), matching.size());
        return new Page<>(matching.subList(from, to), p.page(), p.size(), matching.size());
    }
}

package org.metrolims.app.standard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.traceability.RecallImpact;
import org.metrolims.calibration.traceability.RecallImpact.ImpactedCalibration;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.identity.Organizations;

/**
 * The recall impact's list as a data table and as an export. The impact is a traversal computed in memory (the
 * calibrations done with a standard and, transitively, with the standards it calibrated), so its search, sort and
 * page are applied to that computed list; customers are named in the user's language, never by code.
 */
final class ImpactTable {

    /** The list's sort keys: the traversal's order (direct first), the customer's name, the calibration date. */
    static final List<String> SORTS = List.of("order", "customer", "calibrated");

    private ImpactTable() {}

    /** The customers of the impact by code → name in the language (the code where an organization has no name). */
    static Map<String, String> customerNames(RecallImpact impact, Organizations organizations, Locale locale) {
        boolean zh = locale.getLanguage().equals(Locale.CHINESE.getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        impact.calibrations().stream().map(ImpactedCalibration::customerCode).distinct()
                .forEach(code -> names.put(code, organizations.names(code)
                        .map(n -> zh ? n.zh() : n.en()).filter(n -> !n.isBlank()).orElse(code)));
        return names;
    }

    /** The calibrations matching the table's search, in its order. */
    static List<ImpactedCalibration> matching(List<ImpactedCalibration> all, TableQuery table,
            Map<String, String> names) {
        String q = table.q().toLowerCase(Locale.ROOT);
        Stream<ImpactedCalibration> rows = all.stream().filter(c -> q.isEmpty()
                || c.calibrationNo().toLowerCase(Locale.ROOT).contains(q)
                || c.customerCode().toLowerCase(Locale.ROOT).contains(q)
                || names.getOrDefault(c.customerCode(), "").toLowerCase(Locale.ROOT).contains(q)
                || c.viaStandard().toLowerCase(Locale.ROOT).contains(q));
        Comparator<ImpactedCalibration> order = switch (table.sort()) {
            case "customer" -> Comparator.comparing(c -> names.getOrDefault(c.customerCode(), c.customerCode()));
            case "calibrated" -> Comparator.comparing(ImpactedCalibration::calibratedOn);
            default -> null;
        };
        if (order != null) {
            return rows.sorted(table.descending() ? order.reversed() : order).toList();
        }
        List<ImpactedCalibration> list = new ArrayList<>(rows.toList());
        if (table.descending()) {
            Collections.reverse(list);
        }
        return list;
    }

    /** One page of the matching calibrations. */
    static Page<ImpactedCalibration> page(List<ImpactedCalibration> all, TableQuery table, Map<String, String> names) {
        List<ImpactedCalibration> matching = matching(all, table, names);
        PageRequest p = table.pageRequest();
        int from = (int) Math.min((long) p.offset(), matching.size());
        int to = Math.min(from + p.size(), matching.size());
        return new Page<>(matching.subList(from, to), p.page(), p.size(), matching.size());
    }

    /**
     * The matching calibrations grouped by customer, the customers by name, each customer's calibrations in the
     * table's order: what a lab works through when it notifies its customers.
     */
    static List<ImpactedCalibration> groupedByCustomer(List<ImpactedCalibration> all, TableQuery table,
            Map<String, String> names) {
        List<ImpactedCalibration> matching = matching(all, table, names);
        Map<String, List<ImpactedCalibration>> byCustomer = new LinkedHashMap<>();
        matching.forEach(c -> byCustomer.computeIfAbsent(c.customerCode(), k -> new ArrayList<>()).add(c));
        return byCustomer.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<ImpactedCalibration>> e) ->
                        names.getOrDefault(e.getKey(), e.getKey())).thenComparing(Map.Entry::getKey))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}

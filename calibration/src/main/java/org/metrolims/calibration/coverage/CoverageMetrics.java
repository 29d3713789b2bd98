package org.metrolims.calibration.coverage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.coverage.CoverageRepository.QuantityRow;
import org.metrolims.calibration.coverage.TargetProjection.Projection;
import org.metrolims.calibration.standard.CsvCells;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.standard.ImportReport.RowRejection;
import org.metrolims.calibration.traceability.DayRange;
import org.metrolims.calibration.traceability.TraceSummary;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.reference.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The province's coverage figures against its targets (DESIGN.md): public standards (2000), provincial standards
 * (350), traceability coverage (95%) and capability coverage (90%), as of any date, for any region subtree and
 * discipline; by city; month by month with a projection; the demand behind a figure; and the demand import.
 */
@Service
public class CoverageMetrics {

    /** The columns of a demand CSV file, in this order when exported. */
    public static final List<String> CSV_COLUMNS = List.of("region", "quantity", "range_low", "range_high", "unit",
            "needed_uncertainty", "demanded_from", "demanded_until", "note");

    private final TraceSummary summary;
    private final TransactionTemplate reads;
    private final CoverageRepository repository;
    private final AuditTrail audit;

    CoverageMetrics(TraceSummary summary, CoverageRepository repository, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.summary = summary;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.repository = repository;
        this.audit = audit;
    }

    /** The discipline codes (LENGTH, THERMAL, …) in their order. */
    @Transactional(readOnly = true)
    public List<String> disciplines() {
        return repository.disciplineCodes();
    }

    /** The GB/T 2260 regions, province first, each with its parent's code. */
    @Transactional(readOnly = true)
    public List<RegionRow> regions() {
        return repository.regions();
    }

    /** The public standards with their region, quantity, range and expanded uncertainty, as the figures count them. */
    @Transactional(readOnly = true)
    public List<CoverageStandard> publicStandards() {
        return repository.publicStandards();
    }

    /** The capability demand, every row, as the figures count it. */
    @Transactional(readOnly = true)
    public List<CapabilityDemand> demands() {
        return repository.demands();
    }

    /**
     * Records demand rows in one batch (a generator's bulk demand, e.g. the demo province's; a person's demand comes
     * through {@link #importDemand}); returns the ids given, in order.
     */
    @Transactional
    public List<Long> recordDemand(List<NewDemand> rows, String actor) {
        return repository.insert(rows, actor);
    }

    /**
     * A snapshot for many figures at once on the days from the earliest of {@code dates} to the latest: the public
     * standards, the demand, and the maintained summary's day ranges of when each standard counts and has a complete
     * chain that touch those days ({@link TraceSummary}, refreshed first so that it holds every committed change) —
     * a few rows per standard, never the calibrations themselves. Not transactional itself: the refresh commits on
     * its own before the reads (one read-only transaction), so no caller holds a connection while it waits for
     * another; the figures, trends and dashboards built on it are computed in memory.
     */
    public CoverageSnapshot snapshot(Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("A coverage snapshot needs at least one date");
        }
        LocalDate first = java.util.Collections.min(dates);
        LocalDate latest = java.util.Collections.max(dates);
        summary.refresh();
        return reads.execute(tx -> CoverageSnapshot.ofTraces(summary.traces(first, latest),
                repository.publicStandards(), repository.demands(), new DayRange(first, latest)));
    }

    public CoverageFigures figures(LocalDate asOf, RegionCode region, Optional<String> discipline) {
        return figures(snapshot(Set.of(asOf)), asOf, region, discipline);
    }

    /** Figures from an existing snapshot loaded for {@code asOf} (among its dates). */
    public CoverageFigures figures(CoverageSnapshot snapshot, LocalDate asOf, RegionCode region,
            Optional<String> discipline) {
        return snapshot.figures(asOf, region.value(), discipline);
    }

    /** One row of the table by city. */
    public record RegionFigures(String code, String nameZh, String nameEn, CoverageFigures figures) {
    }

    /** The figures of every city of the province (each including its counties), from one snapshot. */
    public List<RegionFigures> byCity(LocalDate asOf, RegionCode province, Optional<String> discipline) {
        return byCity(snapshot(Set.of(asOf)), asOf, province, discipline);
    }

    private List<RegionFigures> byCity(CoverageSnapshot snapshot, LocalDate asOf, RegionCode province,
            Optional<String> discipline) {
        List<RegionFigures> rows = new ArrayList<>();
        for (RegionRow r : repository.regions()) {
            if ("CITY".equals(r.level()) && r.code().startsWith(province.subtreePrefix())) {
                rows.add(new RegionFigures(r.code(), r.nameZh(), r.nameEn(),
                        figures(snapshot, asOf, new RegionCode(r.code()), discipline)));
            }
        }
        return rows;
    }

    /** The demand behind the coverage figures: each demanded capability with the standards that serve it. */
    public List<DemandVerdict> demandBehind(LocalDate asOf, RegionCode region, Optional<String> discipline) {
        return snapshot(Set.of(asOf)).verdicts(asOf, region.value(), discipline);
    }

    /**
     * The figures at the end of each of the {@code months - 1} months before {@code asOf}'s month and on
     * {@code asOf} itself, oldest first, with a projection per figure.
     */
    public record Trend(List<CoverageFigures> points, Map<String, Projection> projections) {
    }

    public Trend trend(LocalDate asOf, int months, RegionCode region, Optional<String> discipline) {
        return trend(snapshot(trendDates(asOf, months)), asOf, months, region, discipline);
    }

    /** The month ends of the {@code months - 1} months before {@code asOf}'s month, then {@code asOf}, in order. */
    private static List<LocalDate> trendDates(LocalDate asOf, int months) {
        List<LocalDate> dates = new ArrayList<>();
        YearMonth current = YearMonth.from(asOf);
        for (int i = months - 1; i >= 1; i--) {
            dates.add(current.minusMonths(i).atEndOfMonth());
        }
        dates.add(asOf);
        return dates;
    }

    private Trend trend(CoverageSnapshot snapshot, LocalDate asOf, int months, RegionCode region,
            Optional<String> discipline) {
        List<CoverageFigures> series = new ArrayList<>();
        YearMonth current = YearMonth.from(asOf);
        for (LocalDate day : trendDates(asOf, months)) {
            series.add(figures(snapshot, day, region, discipline));
        }
        Map<String, Projection> projections = new java.util.LinkedHashMap<>();
        List<Function<CoverageFigures, Figure>> figures = List.of(CoverageFigures::publicStandards,
                CoverageFigures::provincialStandards, CoverageFigures::traceabilityCoverage,
                CoverageFigures::capabilityCoverage);
        for (Function<CoverageFigures, Figure> f : figures) {
            List<Double> values = series.stream().map(x -> f.apply(x).doubleValue()).toList();
            Figure last = f.apply(series.get(series.size() - 1));
            projections.put(last.name(), TargetProjection.project(values, current, last.target().doubleValue()));
        }
        return new Trend(series, projections);
    }

    /** Everything the province dashboard shows, from one snapshot. */
    public record Dashboard(CoverageFigures province, List<RegionFigures> cities, Trend trend) {
    }

    public Dashboard dashboard(LocalDate asOf, RegionCode province, Optional<String> discipline, int months) {
        return dashboard(dashboardSnapshot(asOf, months), asOf, province, discipline, months);
    }

    /** The snapshot a dashboard of {@code months} months up to {@code asOf} reads (its dates include asOf). */
    public CoverageSnapshot dashboardSnapshot(LocalDate asOf, int months) {
        return snapshot(trendDates(asOf, months));
    }

    /** The dashboard from a snapshot loaded by {@link #dashboardSnapshot} for the same date and months. */
    public Dashboard dashboard(CoverageSnapshot snapshot, LocalDate asOf, RegionCode province,
            Optional<String> discipline, int months) {
        return new Dashboard(figures(snapshot, asOf, province, discipline),
                byCity(snapshot, asOf, province, discipline), trend(snapshot, asOf, months, province, discipline));
    }

    /**
     * Imports demand from CSV ({@link #CSV_COLUMNS}; region as a GB/T 2260 code, quantity as its code, dates ISO):
     * all rows or none. Every rejected cell is reported with its row (the header is row 1).
     */
    @Transactional
    public ImportReport importDemand(Reader csv, String actor) {
        Map<String, QuantityRow> quantities = repository.quantities();
        Map<String, Long> regions = new java.util.HashMap<>();
        repository.regions().forEach(r -> regions.put(r.code(), r.id()));
        List<NewDemand> rows = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        try (CSVParser parser = CsvCells.parser(csv)) {
            CsvCells.requireColumns(parser, CSV_COLUMNS.subList(0, 7));
            for (CSVRecord record : parser) {
                CsvCells.requireRowWithinLimit(record.getRecordNumber());
                int row = (int) record.getRecordNumber() + 1;
                parseRow(record, row, quantities, regions, rejections).ifPresent(rows::add);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw CsvCells.unreadable(e);
        }
        if (!rejections.isEmpty()) {
            return new ImportReport(0, rejections);
        }
        List<Long> ids = repository.insert(rows, actor);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            NewDemand d = rows.get(i);
            Map<String, Object> after = new java.util.LinkedHashMap<>();
            after.put("regionId", d.regionId());
            after.put("quantityId", d.quantityId());
            after.put("rangeLow", d.rangeLow());
            after.put("rangeHigh", d.rangeHigh());
            after.put("unit", d.unit());
            after.put("neededUncertainty", d.neededUncertainty());
            after.put("demandedFrom", d.demandedFrom().toString());
            after.put("demandedUntil", d.demandedUntil().map(LocalDate::toString).orElse(null));
            entries.add(new AuditEntry(actor, "DEMAND_IMPORTED", "capability_demand", ids.get(i).toString(), null,
                    AuditJson.object(after), null, null));
        }
        audit.recordAll(entries);
        return new ImportReport(ids.size(), List.of());
    }

    private static Optional<NewDemand> parseRow(CSVRecord r, int row, Map<String, QuantityRow> quantities,
            Map<String, Long> regions, List<RowRejection> rejections) {
        int before = rejections.size();
        Long region = regions.get(get(r, "region"));
        if (region == null) {
            rejections.add(new RowRejection(row, "region", "is not a known GB/T 2260 region code"));
        }
        QuantityRow quantity = quantities.get(get(r, "quantity"));
        if (quantity == null) {
            rejections.add(new RowRejection(row, "quantity", "is not a known quantity code"));
        }
        BigDecimal low = number(r, "range_low", row, rejections);
        BigDecimal high = number(r, "range_high", row, rejections);
        BigDecimal needed = number(r, "needed_uncertainty", row, rejections);
        if (low != null && high != null && low.compareTo(high) > 0) {
            rejections.add(new RowRejection(row, "range_high", "must not be below range_low"));
        }
        if (needed != null && needed.signum() <= 0) {
            rejections.add(new RowRejection(row, "needed_uncertainty", "must be positive"));
        }
        String unit = get(r, "unit");
        if (quantity != null && !quantity.siUnit().equals(unit)) {
            rejections.add(new RowRejection(row, "unit", "must be the quantity's SI unit " + quantity.siUnit()));
        }
        LocalDate from = date(r, "demanded_from", row, rejections, true);
        LocalDate until = r.isMapped("demanded_until") ? date(r, "demanded_until", row, rejections, false) : null;
        if (from != null && until != null && until.isBefore(from)) {
            rejections.add(new RowRejection(row, "demanded_until", "must not be before demanded_from"));
        }
        if (rejections.size() > before) {
            return Optional.empty();
        }
        String note = r.isMapped("note") ? get(r, "note") : "";
        return Optional.of(new NewDemand(region, quantity.id(), low, high, unit, needed, from,
                Optional.ofNullable(until), note.isEmpty() ? Optional.empty() : Optional.of(note)));
    }

    private static String get(CSVRecord r, String column) {
        return r.isSet(column) ? CsvCells.restored(r.get(column).trim()) : "";
    }

    private static BigDecimal number(CSVRecord r, String column, int row, List<RowRejection> rejections) {
        String v = get(r, column);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            rejections.add(new RowRejection(row, column, "is not a number"));
            return null;
        }
    }

    private static LocalDate date(CSVRecord r, String column, int row, List<RowRejection> rejections,
            boolean required) {
        String v = get(r, column);
        if (v.isEmpty()) {
            if (required) {
                rejections.add(new RowRejection(row, column, "is required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            rejections.add(new RowRejection(row, column, "is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}

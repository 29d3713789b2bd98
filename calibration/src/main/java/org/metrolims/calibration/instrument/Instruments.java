package org.metrolims.calibration.instrument;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metrolims.calibration.internal.ReferenceCodes;
import org.metrolims.calibration.internal.RegistryAudit;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.standard.FieldChecks;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryConflictException;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.metrolims.calibration.standard.RegistryTable;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.Forbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instrument register: registration and correction (owner, type, manufacturer, model, serial, range,
 * resolution, maximum permissible error, location, calibration interval, status), search, CSV import and export.
 * Every change writes an audit line with the record before and after, in the same transaction; a change based on a
 * stale {@code version} is refused. Access as for standards: the owner's technicians and administrators write,
 * officers and technicians read all, a lab reads its own.
 */
@Service
public class Instruments {


    /** A lookup lists at most this many instruments. */
    public static final int LOOKUP_LIMIT = 50;

    private final InstrumentRepository instruments;
    private final InstrumentOverviewRepository overviews;
    private final MeasurementStandards standards;
    private final CalibrationSchedules schedules;
    private final RegistryAudit audit;

    Instruments(InstrumentRepository instruments, InstrumentOverviewRepository overviews,
            MeasurementStandards standards, CalibrationSchedules schedules, RegistryAudit audit) {
        this.instruments = instruments;
        this.overviews = overviews;
        this.standards = standards;
        this.schedules = schedules;
        this.audit = audit;
    }

    @Transactional
    public Instrument register(InstrumentDetails details, RegistryUser user) {
        Ids ids = check(details, standards.referenceCodes(), new FieldChecks(), true);
        requireWritable(ids.owner(), user);
        requireUniqueSerial(details, 0);
        return insert(details, ids, user, "REGISTER");
    }

    /** Corrects an instrument's details; refused if it changed since {@code version} was read. */
    @Transactional
    public Instrument update(long id, Integer version, InstrumentDetails details, String reason, RegistryUser user) {
        Instrument before = writable(id, user);
        if (version == null) {
            // asked after the access check, so that another organization's record stays "not found"
            throw new RegistryInputException("version", "is required: the version of the record that was read");
        }
        if (before.status() == InstrumentStatus.RETIRED) {
            throw new RegistryConflictException("RETIRED", "instrument " + id + " is retired and takes no changes");
        }
        FieldChecks checks = new FieldChecks().maxLength("reason", reason, 500);
        Ids ids = check(details, standards.referenceCodes(), checks, true);
        requireWritable(ids.owner(), user);
        if (before.standard() != null && ids.owner() != before.ownerOrganizationId()) {
            throw new RegistryInputException("owner", "the instrument is equipment of standard " + before.standard()
                    + "; take it out of the standard before changing its owner");
        }
        requireUniqueSerial(details, id);
        if (!instruments.update(id, version, ids.owner(), ids.type(), details)) {
            throw RegistryConflictException.stale("instrument", id, version);
        }
        Instrument after = instruments.find(id).orElseThrow();
        audit.record(user.username(), "UPDATE", InstrumentRepository.ENTITY, id, before, after, reason);
        return after;
    }

    @Transactional(readOnly = true)
    public Instrument find(long id, RegistryUser user) {
        return instruments.find(id).filter(i -> user.canRead(i.ownerOrganizationId()))
                .orElseThrow(() -> new RegistryNotFoundException("instrument", id));
    }

    /**
     * The instrument page: the instrument as {@link #find} reads it (another organization's is not found), its owner
     * and type by name, its schedule (stale schedule rows are refreshed first), and the calibrations, certificates
     * and recall messages the user may see — all of them for those who see every organization's records (officers
     * and administrators: {@code seesAllRecords}); for anyone else those their organization performed, issued, is
     * the customer of or was sent. A retired instrument is never overdue.
     */
    @Transactional
    public InstrumentOverview overview(long id, RegistryUser user, boolean seesAllRecords, LocalDate today) {
        Instrument instrument = find(id, user);
        schedules.refreshStale();
        var heading = overviews.heading(id).orElseThrow(() -> new RegistryNotFoundException("instrument", id));
        Long visibleTo = seesAllRecords ? null : user.organizationId();
        boolean overdue = instrument.status() != InstrumentStatus.RETIRED && heading.due() != null
                && heading.due().dueOn().isBefore(today);
        return new InstrumentOverview(instrument, heading.owner(), heading.type(), heading.due(), overdue,
                overviews.history(id, visibleTo), overviews.certificates(id, visibleTo),
                overviews.recalls(id, visibleTo));
    }

    /**
     * Finds instruments by serial or asset number, as typed or read from a label: first those whose serial or asset
     * number is the text (any case); if none, those whose manufacturer, model, serial or asset number contains it.
     * At most {@value #LOOKUP_LIMIT} are listed, with the total. The user's read scope applies.
     */
    @Transactional(readOnly = true)
    public InstrumentMatch lookup(String text, RegistryUser user) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new InstrumentMatch(List.of(), false, 0);
        }
        requireValid(new InstrumentFilter(null, null, null, null, null, t));
        List<Instrument> exact = instruments.withSerialOrAssetNo(t, user.readScope(), LOOKUP_LIMIT + 1);
        if (!exact.isEmpty()) {
            // more than the limit of exact matches is counted as limit + 1: "more than 50"
            return new InstrumentMatch(exact.subList(0, Math.min(exact.size(), LOOKUP_LIMIT)), true, exact.size());
        }
        Page<Instrument> contains = search(new InstrumentFilter(null, null, null, null, null, t),
                new PageRequest(0, LOOKUP_LIMIT), user);
        return new InstrumentMatch(contains.items(), false, contains.totalItems());
    }

    @Transactional(readOnly = true)
    public Page<Instrument> search(InstrumentFilter filter, PageRequest page, RegistryUser user) {
        requireValid(filter);
        return instruments.search(filter, user.readScope(), page);
    }

    /** The filtered register in the import format, up to {@value RegistryTable#EXPORT_LIMIT} rows. */
    @Transactional(readOnly = true)
    public RegistryTable export(InstrumentFilter filter, RegistryUser user) {
        requireValid(filter);
        return RegistryTable.export(InstrumentCsv.HEADER,
                p -> instruments.search(filter, user.readScope(), new PageRequest(p, PageRequest.MAX_SIZE)),
                InstrumentCsv::cells);
    }

    /**
     * Imports instruments from CSV (UTF-8, header row; see {@link InstrumentCsv#HEADER}). Every row is checked first;
     * if any is rejected nothing is imported and the report lists each rejected row and field, else all are.
     */
    @Transactional
    public ImportReport importCsv(Reader csv, RegistryUser user) {
        List<InstrumentCsv.Row> rows = InstrumentCsv.parse(csv);
        ReferenceCodes codes = standards.referenceCodes();
        List<ImportReport.RowRejection> rejections = new ArrayList<>();
        List<Ids> ids = new ArrayList<>();
        Set<String> serials = new HashSet<>();
        for (InstrumentCsv.Row row : rows) {
            FieldChecks checks = row.checks();
            Ids rowIds = check(row.details(), codes, checks, false);
            InstrumentDetails d = row.details();
            if (d.manufacturer() != null && d.model() != null && d.serialNo() != null) {
                if (!serials.add(d.manufacturer() + '\u0000' + d.model() + '\u0000' + d.serialNo())) {
                    checks.reject("serialNo", "appears twice in the file for this manufacturer and model");
                } else if (instruments.serialTaken(d.manufacturer(), d.model(), d.serialNo(), 0)) {
                    checks.reject("serialNo", "is already registered for this manufacturer and model");
                }
            }
            Long owner = d.owner() == null ? null : codes.organizations().get(d.owner());
            if (owner != null && !user.canWrite(owner)) {
                checks.reject("owner", "you may register instruments only for your own organization");
            }
            checks.errors().forEach(e -> rejections.add(new ImportReport.RowRejection(row.row(), e.field(),
                    e.message())));
            ids.add(rowIds);
        }
        if (!rejections.isEmpty()) {
            return new ImportReport(0, rejections);
        }
        for (int i = 0; i < rows.size(); i++) {
            insert(rows.get(i).details(), ids.get(i), user, "IMPORT");
        }
        return new ImportReport(rows.size(), List.of());
    }

    private Instrument insert(InstrumentDetails details, Ids ids, RegistryUser user, String action) {
        long id = instruments.insert(ids.owner(), ids.type(), details);
        Instrument created = instruments.find(id).orElseThrow();
        audit.record(user.username(), action, InstrumentRepository.ENTITY, id, null, created, null);
        return created;
    }

    /** Checks the details against the schema's limits and the reference data; throws when {@code raise}. */
    private static Ids check(InstrumentDetails d, ReferenceCodes codes, FieldChecks checks, boolean raise) {
        checks.maxLength("assetNo", d.assetNo(), 48).required("manufacturer", d.manufacturer(), 120)
                .required("model", d.model(), 80).required("serialNo", d.serialNo(), 80)
                .required("unit", d.unit(), 32).maxLength("location", d.location(), 200)
                .decimal("rangeLow", d.rangeLow(), FieldChecks.Sign.ANY)
                .decimal("rangeHigh", d.rangeHigh(), FieldChecks.Sign.ANY)
                .decimal("resolution", d.resolution(), FieldChecks.Sign.POSITIVE)
                .decimal("maxPermissibleError", d.maxPermissibleError(), FieldChecks.Sign.POSITIVE)
                .range("rangeLow", d.rangeLow(), "rangeHigh", d.rangeHigh());
        if (d.calibrationIntervalMonths() != null
                && (d.calibrationIntervalMonths() < 1 || d.calibrationIntervalMonths() > 240)) {
            checks.reject("calibrationIntervalMonths", "must be between 1 and 240 months");
        }
        Long owner = known("owner", d.owner(), codes.organizations(), checks);
        Long type = known("type", d.type(), codes.instrumentTypes(), checks);
        if (raise) {
            checks.throwIfAny();
        }
        return owner == null || type == null ? null : new Ids(owner, type);
    }

    private static Long known(String field, String code, java.util.Map<String, Long> ids, FieldChecks checks) {
        if (code == null || code.isBlank()) {
            checks.reject(field, "is required");
            return null;
        }
        Long id = ids.get(code);
        if (id == null) {
            checks.reject(field, "no " + field + " " + code);
        }
        return id;
    }

    private void requireUniqueSerial(InstrumentDetails d, long exceptId) {
        if (instruments.serialTaken(d.manufacturer(), d.model(), d.serialNo(), exceptId)) {
            throw new RegistryInputException("serialNo", "is already registered for this manufacturer and model");
        }
    }

    private static void requireValid(InstrumentFilter f) {
        if (f.text() != null && f.text().length() > 200) {
            throw new RegistryInputException("text", "is longer than 200 characters");
        }
    }

    private static void requireWritable(long owner, RegistryUser user) {
        if (!user.canWrite(owner)) {
            throw new Forbidden("only technicians of the owning organization and administrators"
                    + " may change its instruments");
        }
    }

    private Instrument writable(long id, RegistryUser user) {
        Instrument i = instruments.findForUpdate(id).filter(x -> user.reachesForWrite(x.ownerOrganizationId()))
                .orElseThrow(() -> new RegistryNotFoundException("instrument", id));
        requireWritable(i.ownerOrganizationId(), user);
        return i;
    }

    private record Ids(long owner, long type) {
    }
}

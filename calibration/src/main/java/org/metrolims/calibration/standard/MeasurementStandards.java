package org.metrolims.calibration.standard;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metrolims.calibration.internal.ReferenceCodes;
import org.metrolims.calibration.internal.ReferenceCodes.QuantityRef;
import org.metrolims.calibration.internal.RegistryAudit;
import org.metrolims.calibration.standard.StandardRepository.Ids;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.Forbidden;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of measurement standards (计量标准): registration and correction, status changes with their history
 * (nothing is deleted; retiring is a status), assessment certificates (计量标准考核证书) and their renewals, the
 * instruments that make a standard up, search, CSV import and export. Every change writes an audit line with the
 * record before and after, in the same transaction; a change based on a stale {@code version} is refused.
 *
 * <p>Technicians of the owning organization and administrators write; officers and technicians read everything; a
 * lab reads only its own organization's standards, and others are "not found" to it. A change addressed to another
 * organization's standard is "not found" too (404 for writes as for reads), to technicians who can read it as well.
 */
@Service
public class MeasurementStandards {

    /** Export reads at most this many rows. */

    private final StandardRepository standards;
    private final RegistryReferenceRepository references;
    private final RegistryAudit audit;
    private final Clock clock;

    @Autowired
    public MeasurementStandards(StandardRepository standards, RegistryReferenceRepository references, RegistryAudit audit) {
        this(standards, references, audit, Clock.systemUTC());
    }

    MeasurementStandards(StandardRepository standards, RegistryReferenceRepository references, RegistryAudit audit,
            Clock clock) {
        this.standards = standards;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The ids the registry's codes name (disciplines, quantities, organizations, regions, instrument types), read
     * whole; the instrument register validates its rows against them too.
     */
    @Transactional(readOnly = true)
    public ReferenceCodes referenceCodes() {
        return references.load();
    }

    /** Registers a standard, ACTIVE from its establishment date, with its first assessment certificate if given. */
    @Transactional
    public MeasurementStandard register(StandardDetails details, CertificateDetails certificate, RegistryUser user) {
        ReferenceCodes codes = references.load();
        FieldChecks checks = new FieldChecks();
        Ids ids = check(details, codes, checks);
        if (certificate != null) {
            checkCertificate(certificate, "certificate.", checks);
        }
        checks.throwIfAny();
        requireWritable(ids.owner(), user);
        requireUnique(List.of(details), certificate == null ? List.of() : List.of(certificate));
        return insert(details, certificate, ids, user, "REGISTER");
    }

    /** Corrects a standard's registered details; refused if it changed since {@code version} was read. */
    @Transactional
    public MeasurementStandard update(long id, Integer version, StandardDetails details, String reason,
            RegistryUser user) {
        MeasurementStandard before = writable(id, user);
        requireNotRetired(before);
        if (version == null) {
            // asked after the access check, so that another organization's record stays "not found"
            throw new RegistryInputException("version", "is required: the version of the record that was read");
        }
        FieldChecks checks = new FieldChecks();
        Ids ids = check(details, references.load(), checks);
        checks.maxLength("reason", reason, 500);
        checks.throwIfAny();
        requireWritable(ids.owner(), user);
        if (!standards.existingCodes(List.of(details.code()), id).isEmpty()) {
            throw new RegistryInputException("code", "is already registered");
        }
        if (!standards.update(id, version, ids, details)) {
            throw RegistryConflictException.stale("standard", id, version);
        }
        MeasurementStandard after = standards.find(id).orElseThrow();
        audit.record(user.username(), "UPDATE", StandardRepository.ENTITY, id, before, after, reason);
        return after;
    }

    /**
     * Suspends, reactivates or retires a standard from a date: a row of the status history, never an overwrite. The
     * date may not be in the future nor before the last change; suspending and retiring need a reason.
     *
     * @param version the version the caller read, or null to skip the check
     */
    @Transactional
    public MeasurementStandard changeStatus(long id, Integer version, StandardStatus status, LocalDate effectiveFrom,
            String reason, RegistryUser user) {
        MeasurementStandard before = writable(id, user);
        requireNotRetired(before);
        FieldChecks checks = new FieldChecks();
        checks.required("status", status).required("effectiveFrom", effectiveFrom).maxLength("reason", reason, 500);
        if (status != null && status != StandardStatus.ACTIVE && (reason == null || reason.isBlank())) {
            checks.reject("reason", "is required to suspend or retire a standard");
        }
        if (status == before.status()) {
            checks.reject("status", "the standard is already " + status);
        }
        if (effectiveFrom != null) {
            LocalDate last = standards.latestStatusDate(id).orElse(before.establishedOn());
            if (effectiveFrom.isBefore(last)) {
                checks.reject("effectiveFrom", "must not be before the last status change (" + last + ")");
            } else if (effectiveFrom.isAfter(today())) {
                checks.reject("effectiveFrom", "must not be in the future");
            }
        }
        checks.throwIfAny();
        if (!standards.setStatus(id, version == null ? before.version() : version, status)) {
            throw RegistryConflictException.stale("standard", id, version);
        }
        standards.insertStatus(id, status, effectiveFrom, blankToNull(reason), user.username());
        MeasurementStandard after = standards.find(id).orElseThrow();
        audit.record(user.username(), "STATUS_" + status, StandardRepository.ENTITY, id, before, after, reason);
        return after;
    }

    /** Records an assessment certificate issued or renewed for the standard. */
    @Transactional
    public MeasurementStandard addCertificate(long id, Integer version, CertificateDetails certificate,
            RegistryUser user) {
        MeasurementStandard before = writable(id, user);
        requireNotRetired(before);
        FieldChecks checks = new FieldChecks();
        checkCertificate(certificate, "", checks);
        checks.throwIfAny();
        requireUnique(List.of(), List.of(certificate));
        if (!standards.touch(id, version == null ? before.version() : version)) {
            throw RegistryConflictException.stale("standard", id, version);
        }
        standards.insertCertificate(id, certificate);
        MeasurementStandard after = standards.find(id).orElseThrow();
        audit.record(user.username(), "CERTIFICATE", StandardRepository.ENTITY, id, before, after, null);
        return after;
    }

    /** Makes an instrument of the standard's owner part of the standard's equipment. */
    @Transactional
    public StandardHistory linkEquipment(long id, Long instrumentId, String reason, RegistryUser user) {
        MeasurementStandard standard = writable(id, user);
        if (instrumentId == null) {
            throw new RegistryInputException("instrumentId", "is required");
        }
        requireNotRetired(standard);
        StandardRepository.EquipmentLink link = standards.equipmentLink(instrumentId)
                .filter(l -> user.canRead(l.ownerOrganizationId()))
                .orElseThrow(() -> new RegistryInputException("instrumentId", "no instrument " + instrumentId));
        if (link.ownerOrganizationId() != standard.ownerOrganizationId()) {
            throw new RegistryInputException("instrumentId", "belongs to another organization than the standard");
        }
        if (link.standardId() != null) {
            throw new RegistryConflictException("ALREADY_EQUIPMENT", "instrument " + instrumentId
                    + (link.standardId() == id ? " is already part of this standard" : " is part of another standard"));
        }
        return changeEquipment(standard, instrumentId, id, "LINK_EQUIPMENT", reason, user);
    }

    /** Takes an instrument out of the standard's equipment (it stays registered). */
    @Transactional
    public StandardHistory unlinkEquipment(long id, long instrumentId, String reason, RegistryUser user) {
        MeasurementStandard standard = writable(id, user);
        standards.equipmentLink(instrumentId).filter(l -> l.standardId() != null && l.standardId() == id)
                .orElseThrow(() -> new RegistryNotFoundException("equipment instrument", instrumentId));
        return changeEquipment(standard, instrumentId, null, "UNLINK_EQUIPMENT", reason, user);
    }

    @Transactional(readOnly = true)
    public MeasurementStandard find(long id, RegistryUser user) {
        return readable(id, user);
    }

    /** The standard with its status history, certificates, equipment and audit trail. */
    @Transactional(readOnly = true)
    public StandardHistory history(long id, RegistryUser user) {
        readable(id, user);
        return standards.history(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Page<MeasurementStandard> search(StandardFilter filter, PageRequest page, RegistryUser user) {
        requireValid(filter);
        return standards.search(filter, user.readScope(), today(), page);
    }

    /** The filtered register in the import format, up to {@value RegistryTable#EXPORT_LIMIT} rows. */
    @Transactional(readOnly = true)
    public RegistryTable export(StandardFilter filter, RegistryUser user) {
        requireValid(filter);
        LocalDate today = today();
        return RegistryTable.export(StandardCsv.HEADER,
                p -> standards.search(filter, user.readScope(), today, new PageRequest(p, PageRequest.MAX_SIZE)),
                StandardCsv::cells);
    }

    /**
     * Imports standards from CSV (UTF-8, header row; see {@link StandardCsv#HEADER}). Every row is checked first;
     * if any is rejected nothing is imported and the report lists each rejected row and field, else all are.
     */
    @Transactional
    public ImportReport importCsv(Reader csv, RegistryUser user) {
        List<StandardCsv.Row> rows = StandardCsv.parse(csv);
        ReferenceCodes codes = references.load();
        List<ImportReport.RowRejection> rejections = new ArrayList<>();
        List<Ids> ids = new ArrayList<>();
        Set<String> codesInFile = new HashSet<>();
        Set<String> certificatesInFile = new HashSet<>();
        Set<String> takenCodes = standards.existingCodes(
                rows.stream().map(r -> r.details().code()).filter(c -> c != null).toList(), 0);
        Set<String> takenCertificates = standards.existingCertificateNumbers(rows.stream()
                .filter(r -> r.certificate() != null && r.certificate().certificateNo() != null)
                .map(r -> r.certificate().certificateNo()).toList());
        for (StandardCsv.Row row : rows) {
            FieldChecks checks = row.checks();
            Ids rowIds = check(row.details(), codes, checks);
            if (row.certificate() != null) {
                checkCertificate(row.certificate(), "certificate", checks);
            }
            String code = row.details().code();
            if (code != null && (takenCodes.contains(code) || !codesInFile.add(code))) {
                checks.reject("code", takenCodes.contains(code) ? "is already registered" : "appears twice in the file");
            }
            String certificateNo = row.certificate() == null ? null : row.certificate().certificateNo();
            if (certificateNo != null && (takenCertificates.contains(certificateNo)
                    || !certificatesInFile.add(certificateNo))) {
                checks.reject("certificateNo", takenCertificates.contains(certificateNo) ? "is already recorded"
                        : "appears twice in the file");
            }
            Long owner = row.details().owner() == null ? null : codes.organizations().get(row.details().owner());
            if (owner != null && !user.canWrite(owner)) {
                checks.reject("owner", "you may register standards only for your own organization");
            }
            checks.errors().forEach(e -> rejections.add(new ImportReport.RowRejection(row.row(), e.field(),
                    e.message())));
            ids.add(rowIds);
        }
        if (!rejections.isEmpty()) {
            return new ImportReport(0, rejections);
        }
        for (int i = 0; i < rows.size(); i++) {
            insert(rows.get(i).details(), rows.get(i).certificate(), ids.get(i), user, "IMPORT");
        }
        return new ImportReport(rows.size(), List.of());
    }

    private MeasurementStandard insert(StandardDetails details, CertificateDetails certificate, Ids ids,
            RegistryUser user, String action) {
        long id = standards.insert(ids, details);
        standards.insertStatus(id, StandardStatus.ACTIVE, details.establishedOn(), null, user.username());
        if (certificate != null) {
            standards.insertCertificate(id, certificate);
        }
        MeasurementStandard created = standards.find(id).orElseThrow();
        audit.record(user.username(), action, StandardRepository.ENTITY, id, null, created, null);
        return created;
    }

    private StandardHistory changeEquipment(MeasurementStandard standard, long instrumentId, Long newStandard,
            String action, String reason, RegistryUser user) {
        FieldChecks checks = new FieldChecks().maxLength("reason", reason, 500);
        checks.throwIfAny();
        List<StandardHistory.Equipment> before = standards.history(standard.id()).orElseThrow().equipment();
        standards.setEquipment(instrumentId, newStandard);
        if (!standards.touch(standard.id(), standard.version())) {
            throw RegistryConflictException.stale("standard", standard.id(), standard.version());
        }
        StandardHistory after = standards.history(standard.id()).orElseThrow();
        audit.record(user.username(), action, StandardRepository.ENTITY, standard.id(),
                Map.of("equipment", before.stream().map(StandardHistory.Equipment::instrumentId).toList()),
                Map.of("equipment", after.equipment().stream().map(StandardHistory.Equipment::instrumentId).toList(),
                        "instrumentId", instrumentId),
                reason);
        return standards.history(standard.id()).orElseThrow();
    }

    /** Checks a standard's details against the schema's limits and the reference data; null ids when wrong. */
    private static Ids check(StandardDetails d, ReferenceCodes codes, FieldChecks checks) {
        checks.required("code", d.code(), 48).required("nameZh", d.nameZh(), 200).required("nameEn", d.nameEn(), 200)
                .required("level", d.level()).required("unit", d.unit(), 32).maxLength("accuracyClass",
                        d.accuracyClass(), 48)
                .required("establishedOn", d.establishedOn())
                .decimal("rangeLow", d.rangeLow(), FieldChecks.Sign.ANY)
                .decimal("rangeHigh", d.rangeHigh(), FieldChecks.Sign.ANY)
                .decimal("expandedUncertainty", d.expandedUncertainty(), FieldChecks.Sign.POSITIVE)
                .range("rangeLow", d.rangeLow(), "rangeHigh", d.rangeHigh());
        if (d.coverageFactor() != null) {
            BigDecimal k = d.coverageFactor().stripTrailingZeros();
            if (k.signum() <= 0 || k.scale() > 3 || k.compareTo(new BigDecimal("999.999")) > 0) {
                checks.reject("coverageFactor", "must be greater than zero, below 1000, with at most 3 decimals");
            }
        }
        if (d.expandedUncertainty() != null && d.coverageFactor() == null) {
            checks.reject("coverageFactor", "is required with expandedUncertainty");
        }
        if (d.expandedUncertainty() == null && (d.accuracyClass() == null || d.accuracyClass().isBlank())
                && !checks.has("expandedUncertainty")) {
            checks.reject("expandedUncertainty", "either an expanded uncertainty or an accuracy class is required");
        }
        Long discipline = known("discipline", d.discipline(), codes.disciplines(), checks);
        QuantityRef quantity = null;
        if (d.quantity() == null || d.quantity().isBlank()) {
            checks.reject("quantity", "is required");
        } else {
            quantity = codes.quantities().get(d.quantity());
            if (quantity == null) {
                checks.reject("quantity", "no quantity " + d.quantity());
            } else if (discipline != null && !quantity.discipline().equals(d.discipline())) {
                checks.reject("quantity", d.quantity() + " is a quantity of " + quantity.discipline() + ", not of "
                        + d.discipline());
            }
        }
        Long owner = known("owner", d.owner(), codes.organizations(), checks);
        Long region = known("region", d.region(), codes.regions(), checks);
        if (discipline == null || quantity == null || owner == null || region == null) {
            return null;
        }
        return new Ids(discipline, quantity.id(), owner, region);
    }

    static Long known(String field, String code, Map<String, Long> ids, FieldChecks checks) {
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

    private static void checkCertificate(CertificateDetails c, String prefix, FieldChecks checks) {
        String no = prefix.isEmpty() ? "certificateNo" : prefix.endsWith(".") ? prefix + "certificateNo"
                : "certificateNo";
        String issued = prefix.isEmpty() ? "issuedOn" : prefix.endsWith(".") ? prefix + "issuedOn"
                : "certificateIssuedOn";
        String expires = prefix.isEmpty() ? "expiresOn" : prefix.endsWith(".") ? prefix + "expiresOn"
                : "certificateExpiresOn";
        String issuer = prefix.isEmpty() ? "issuer" : prefix.endsWith(".") ? prefix + "issuer" : "certificateIssuer";
        checks.required(no, c.certificateNo(), 60).required(issued, c.issuedOn()).required(expires, c.expiresOn())
                .required(issuer, c.issuer(), 200);
        if (c.issuedOn() != null && c.expiresOn() != null && !c.expiresOn().isAfter(c.issuedOn())) {
            checks.reject(expires, "must be after " + issued);
        }
    }

    private void requireUnique(List<StandardDetails> details, List<CertificateDetails> certificates) {
        FieldChecks checks = new FieldChecks();
        if (!details.isEmpty()
                && !standards.existingCodes(details.stream().map(StandardDetails::code).toList(), 0).isEmpty()) {
            checks.reject("code", "is already registered");
        }
        if (!certificates.isEmpty() && !standards.existingCertificateNumbers(
                certificates.stream().map(CertificateDetails::certificateNo).toList()).isEmpty()) {
            checks.reject(details.isEmpty() ? "certificateNo" : "certificate.certificateNo", "is already recorded");
        }
        checks.throwIfAny();
    }

    private static void requireValid(StandardFilter f) {
        if (f.expiringWithinDays() != null && (f.expiringWithinDays() < 0 || f.expiringWithinDays() > 36_500)) {
            throw new RegistryInputException("expiringWithinDays", "must be between 0 and 36500");
        }
        if (f.text() != null && f.text().length() > 200) {
            throw new RegistryInputException("text", "is longer than 200 characters");
        }
    }

    private static void requireWritable(long owner, RegistryUser user) {
        if (!user.canWrite(owner)) {
            throw new Forbidden("only technicians of the owning organization and administrators"
                    + " may change its standards");
        }
    }

    private static void requireNotRetired(MeasurementStandard s) {
        if (s.status() == StandardStatus.RETIRED) {
            throw new RegistryConflictException("RETIRED", "standard " + s.code() + " is retired and takes no changes");
        }
    }

    private MeasurementStandard readable(long id, RegistryUser user) {
        return standards.find(id).filter(s -> user.canRead(s.ownerOrganizationId()))
                .orElseThrow(() -> new RegistryNotFoundException("standard", id));
    }

    private MeasurementStandard writable(long id, RegistryUser user) {
        MeasurementStandard s = standards.findForUpdate(id).filter(x -> user.reachesForWrite(x.ownerOrganizationId()))
                .orElseThrow(() -> new RegistryNotFoundException("standard", id));
        requireWritable(s.ownerOrganizationId(), user);
        return s;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

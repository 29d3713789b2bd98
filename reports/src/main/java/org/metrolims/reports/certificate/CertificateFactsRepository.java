package org.metrolims.reports.certificate;

import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.metrolims.db.jooq.tables.Organization;
import org.metrolims.reports.certificate.CertificateFacts.Party;
import org.metrolims.reports.certificate.CertificateFacts.PointFacts;
import org.metrolims.reports.certificate.CertificateFacts.ReferenceStandard;
import org.metrolims.reports.certificate.CertificateFacts.Upstream;
import org.springframework.stereotype.Repository;

/** Reads what a certificate prints: the calibration with its parties and item, its points, its reference standards. */
@Repository
public class CertificateFactsRepository {

    private final DSLContext dsl;

    public CertificateFactsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<CertificateFacts> find(long calibrationId) {
        Organization performer = ORGANIZATION.as("performer");
        Organization customer = ORGANIZATION.as("customer");
        Optional<Record> header = dsl.select(CALIBRATION.asterisk(), INSTRUMENT.MANUFACTURER, INSTRUMENT.MODEL,
                        INSTRUMENT.SERIAL_NO, INSTRUMENT.ASSET_NO, INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN,
                        performer.NAME_ZH, performer.NAME_EN, performer.ADDRESS_ZH, performer.ADDRESS_EN,
                        performer.ACCREDITATION_NUMBER, customer.NAME_ZH, customer.NAME_EN, customer.ADDRESS_ZH,
                        customer.ADDRESS_EN)
                .from(CALIBRATION)
                .join(INSTRUMENT).on(INSTRUMENT.ID.eq(CALIBRATION.INSTRUMENT_ID))
                .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(INSTRUMENT.INSTRUMENT_TYPE_ID))
                .join(customer).on(customer.ID.eq(CALIBRATION.CUSTOMER_ORGANIZATION_ID))
                .leftJoin(performer).on(performer.ID.eq(CALIBRATION.PERFORMING_ORGANIZATION_ID))
                .where(CALIBRATION.ID.eq(calibrationId))
                .fetchOptional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Record r = header.get();
        LocalDate calibratedOn = r.get(CALIBRATION.CALIBRATED_ON);
        List<PointFacts> points = dsl.selectFrom(MEASUREMENT_POINT)
                .where(MEASUREMENT_POINT.CALIBRATION_ID.eq(calibrationId))
                .orderBy(MEASUREMENT_POINT.SEQ)
                .fetch(p -> new PointFacts(p.getSeq(), p.getNominal().doubleValue(), p.getUnit(),
                        dbl(p.getMeanReading()), dbl(p.getError()), dbl(p.getExpandedUncertainty()),
                        dbl(p.getCoverageFactor()), dbl(p.getCoverageProbability()), dbl(p.getTolerance()),
                        p.getToleranceUnit(), p.getVerdict(), p.getConformity()));
        Organization owner = ORGANIZATION.as("owner");
        var standards = dsl.select(MEASUREMENT_STANDARD.ID, MEASUREMENT_STANDARD.CODE, MEASUREMENT_STANDARD.NAME_ZH,
                        MEASUREMENT_STANDARD.NAME_EN, owner.NAME_ZH, owner.NAME_EN,
                        MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, MEASUREMENT_STANDARD.COVERAGE_FACTOR,
                        MEASUREMENT_STANDARD.UNIT, MEASUREMENT_STANDARD.ACCURACY_CLASS)
                .from(CALIBRATION_REFERENCE_STANDARD)
                .join(MEASUREMENT_STANDARD).on(MEASUREMENT_STANDARD.ID.eq(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID))
                .join(owner).on(owner.ID.eq(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID))
                .where(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(calibrationId))
                .orderBy(MEASUREMENT_STANDARD.CODE)
                .fetch();
        Map<Long, Upstream> upstream = upstream(standards.map(s -> s.value1()), calibratedOn);
        List<ReferenceStandard> references = standards.map(s -> new ReferenceStandard(s.value1(), s.value2(),
                s.value3(), s.value4(), s.value5(), s.value6(), dbl(s.value7()), dbl(s.value8()), s.value9(),
                s.value10(), upstream.get(s.value1())));
        return Optional.of(new CertificateFacts(calibrationId, r.get(CALIBRATION.CALIBRATION_NO),
                r.get(CALIBRATION.REVISION), r.get(CALIBRATION.STATUS), r.get(CALIBRATION.PERFORMING_ORGANIZATION_ID),
                r.get(CALIBRATION.CUSTOMER_ORGANIZATION_ID),
                new Party(r.get(performer.NAME_ZH), r.get(performer.NAME_EN), r.get(performer.ADDRESS_ZH),
                        r.get(performer.ADDRESS_EN), r.get(performer.ACCREDITATION_NUMBER)),
                new Party(r.get(customer.NAME_ZH), r.get(customer.NAME_EN), r.get(customer.ADDRESS_ZH),
                        r.get(customer.ADDRESS_EN), null),
                r.get(INSTRUMENT_TYPE.NAME_ZH), r.get(INSTRUMENT_TYPE.NAME_EN), r.get(INSTRUMENT.MANUFACTURER),
                r.get(INSTRUMENT.MODEL), r.get(INSTRUMENT.SERIAL_NO), r.get(INSTRUMENT.ASSET_NO),
                r.get(CALIBRATION.PROCEDURE_CODE), r.get(CALIBRATION.RECEIVED_ON), calibratedOn,
                dbl(r.get(CALIBRATION.TEMPERATURE_C)), dbl(r.get(CALIBRATION.RELATIVE_HUMIDITY_PCT)),
                r.get(CALIBRATION.DECISION_RULE), dbl(r.get(CALIBRATION.DECISION_RULE_MULTIPLIER)),
                r.get(CALIBRATION.CONFORMITY), references, points));
    }

    /**
     * One level up the chain: per standard, the latest approved calibration on or before {@code asOf} of an
     * instrument that belongs to it (ties broken by the newest id).
     */
    private Map<Long, Upstream> upstream(List<Long> standardIds, LocalDate asOf) {
        Map<Long, Upstream> result = new HashMap<>();
        if (standardIds.isEmpty()) {
            return result;
        }
        Organization lab = ORGANIZATION.as("lab");
        dsl.select(INSTRUMENT.MEASUREMENT_STANDARD_ID, lab.NAME_ZH, lab.NAME_EN, CALIBRATION.EXTERNAL_ISSUER,
                        CALIBRATION.EXTERNAL_CERTIFICATE_NO, CALIBRATION.CALIBRATION_NO, CALIBRATION.CALIBRATED_ON)
                .from(CALIBRATION)
                .join(INSTRUMENT).on(INSTRUMENT.ID.eq(CALIBRATION.INSTRUMENT_ID))
                .leftJoin(lab).on(lab.ID.eq(CALIBRATION.PERFORMING_ORGANIZATION_ID))
                .where(INSTRUMENT.MEASUREMENT_STANDARD_ID.in(standardIds))
                .and(CALIBRATION.STATUS.eq("APPROVED"))
                .and(CALIBRATION.CALIBRATED_ON.le(asOf))
                .orderBy(CALIBRATION.CALIBRATED_ON.asc(), CALIBRATION.ID.asc())
                .fetch()
                .forEach(u -> {
                    boolean external = u.value4() != null;
                    result.put(u.value1(), new Upstream(external ? u.value4() : u.value2(),
                            external ? u.value4() : u.value3(), external ? u.value5() : u.value6(), u.value7(),
                            external));
                });
        return result;
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}

package org.metrolims.reports.certificate;

import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.ChainLink;
import org.metrolims.calibration.traceability.ChainNode;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.db.jooq.tables.Organization;
import org.metrolims.reports.certificate.CertificateFacts.Party;
import org.metrolims.reports.certificate.CertificateFacts.PointFacts;
import org.metrolims.reports.certificate.CertificateFacts.ReferenceStandard;
import org.metrolims.reports.certificate.CertificateFacts.ChainStep;
import org.metrolims.reports.certificate.CertificateFacts.Label;
import org.springframework.stereotype.Repository;

/**
 * Reads what a certificate prints: the calibration with its parties and item, its points, its reference standards
 * and their traceability chains up to the roots as of the calibration day.
 */
@Repository
class CertificateFactsRepository {

    /** The owner of a reference standard. */
    private static final Organization OWNER = ORGANIZATION.as("owner");

    /** Whether a certificate carries the calibration's number already (any revision). */
    private static final Field<Boolean> CERTIFIED = DSL.field(DSL.exists(DSL.selectOne().from(CERTIFICATE)
            .where(CERTIFICATE.CERTIFICATE_NO.eq(CALIBRATION.CALIBRATION_NO)))).as("certified");

    private final DSLContext dsl;
    private final TraceabilityAnalysis traceability;

    public CertificateFactsRepository(DSLContext dsl, TraceabilityAnalysis traceability) {
        this.dsl = dsl;
        this.traceability = traceability;
    }

    Optional<CertificateFacts> find(long calibrationId) {
        return find(calibrationId, ChainMemo.none());
    }

    /** The facts, the reference standards' chains taken from {@code memo} when already walked in this run. */
    Optional<CertificateFacts> find(long calibrationId, ChainMemo memo) {
        Organization performer = ORGANIZATION.as("performer");
        Organization customer = ORGANIZATION.as("customer");
        Optional<Record> header = dsl.select(CALIBRATION.asterisk(), INSTRUMENT.MANUFACTURER, INSTRUMENT.MODEL,
                        INSTRUMENT.SERIAL_NO, INSTRUMENT.ASSET_NO, INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN,
                        performer.NAME_ZH, performer.NAME_EN, performer.ADDRESS_ZH, performer.ADDRESS_EN,
                        performer.ACCREDITATION_NUMBER, customer.NAME_ZH, customer.NAME_EN, customer.ADDRESS_ZH,
                        customer.ADDRESS_EN, CERTIFIED)
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
        List<ReferenceStandard> references = references(calibrationId, calibratedOn, memo);
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
                r.get(CALIBRATION.CONFORMITY), references, points, r.get(CERTIFIED)));
    }

    /**
     * The reference standards the calibration used, each with its whole chain as of the calibration day: one walk
     * of their joint subgraph ({@link TraceabilityAnalysis#subgraphAsOf(java.util.Collection, LocalDate)}), then
     * the names of the standards and of the labs the chain passes through, one statement each.
     */
    private List<ReferenceStandard> references(long calibrationId, LocalDate calibratedOn, ChainMemo memo) {
        var standards = dsl.select(MEASUREMENT_STANDARD.ID, MEASUREMENT_STANDARD.CODE, MEASUREMENT_STANDARD.NAME_ZH,
                        MEASUREMENT_STANDARD.NAME_EN, OWNER.NAME_ZH, OWNER.NAME_EN,
                        MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, MEASUREMENT_STANDARD.COVERAGE_FACTOR,
                        MEASUREMENT_STANDARD.UNIT, MEASUREMENT_STANDARD.ACCURACY_CLASS, MEASUREMENT_STANDARD.LEVEL)
                .from(CALIBRATION_REFERENCE_STANDARD)
                .join(MEASUREMENT_STANDARD).on(MEASUREMENT_STANDARD.ID.eq(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID))
                .join(OWNER).on(OWNER.ID.eq(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID))
                .where(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(calibrationId))
                .orderBy(MEASUREMENT_STANDARD.CODE)
                .fetch();
        if (standards.isEmpty()) {
            return List.of();
        }
        List<Long> ids = standards.getValues(MEASUREMENT_STANDARD.ID);
        return memo.get(ids, calibratedOn, () -> referencesWithChains(standards, ids, calibratedOn));
    }

    private List<ReferenceStandard> referencesWithChains(
            org.jooq.Result<org.jooq.Record11<Long, String, String, String, String, String, BigDecimal, BigDecimal,
                    String, String, String>> standards, List<Long> ids, LocalDate calibratedOn) {
        ChainAnalyzer analyzer = new ChainAnalyzer(traceability.subgraphAsOf(ids, calibratedOn));
        Map<Long, Chain> chains = new LinkedHashMap<>();
        Set<Long> standardIds = new HashSet<>();
        Set<Long> calibrationIds = new HashSet<>();
        for (long id : ids) {
            analyzer.chain(id, calibratedOn).ifPresent(c -> {
                chains.put(id, c);
                c.nodes().forEach(n -> n.standardId().ifPresent(standardIds::add));
                c.links().stream().filter(l -> l.externalIssuer().isEmpty())
                        .forEach(l -> l.calibrationId().ifPresent(calibrationIds::add));
            });
        }
        Map<Long, Label> names = standardLabels(standardIds);
        Map<Long, Label> performers = performerLabels(calibrationIds);
        return standards.map(s -> {
            Chain chain = chains.get(s.get(MEASUREMENT_STANDARD.ID));
            boolean national = "NATIONAL".equals(s.get(MEASUREMENT_STANDARD.LEVEL));
            List<ChainStep> steps = chain == null ? List.of() : steps(chain, names, performers);
            boolean complete = chain != null && chain.complete();
            return new ReferenceStandard(s.get(MEASUREMENT_STANDARD.ID), s.get(MEASUREMENT_STANDARD.CODE),
                    s.get(MEASUREMENT_STANDARD.NAME_ZH), s.get(MEASUREMENT_STANDARD.NAME_EN), s.get(OWNER.NAME_ZH),
                    s.get(OWNER.NAME_EN), dbl(s.get(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY)),
                    dbl(s.get(MEASUREMENT_STANDARD.COVERAGE_FACTOR)), s.get(MEASUREMENT_STANDARD.UNIT),
                    s.get(MEASUREMENT_STANDARD.ACCURACY_CLASS), national, complete, steps);
        });
    }

    private static List<ChainStep> steps(Chain chain, Map<Long, Label> names, Map<Long, Label> performers) {
        Map<String, ChainNode> nodes = new HashMap<>();
        chain.nodes().forEach(n -> nodes.put(n.key(), n));
        List<ChainStep> steps = new ArrayList<>(chain.links().size());
        for (ChainLink l : chain.links()) {
            ChainNode to = nodes.get(l.to());
            boolean external = l.externalIssuer().isPresent();
            Optional<String> certificateNo = external ? l.externalCertificateNo().or(l::calibrationNo)
                    : l.calibrationNo();
            Optional<Label> issuer = external
                    ? l.externalIssuer().map(i -> new Label("", i, i, false))
                    : l.calibrationId().map(performers::get);
            Optional<Label> reference = to != null && to.kind() == ChainNode.Kind.STANDARD
                    ? to.standardId().map(names::get) : Optional.empty();
            steps.add(new ChainStep(l.depth() + 1, nodes.get(l.from()).label(), certificateNo, l.calibratedOn(),
                    l.validUntil(), issuer, external, reference, l.problems()));
        }
        return steps;
    }

    private Map<Long, Label> standardLabels(Set<Long> ids) {
        Map<Long, Label> out = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(MEASUREMENT_STANDARD.ID, MEASUREMENT_STANDARD.CODE, MEASUREMENT_STANDARD.NAME_ZH,
                            MEASUREMENT_STANDARD.NAME_EN, MEASUREMENT_STANDARD.LEVEL)
                    .from(MEASUREMENT_STANDARD).where(MEASUREMENT_STANDARD.ID.in(ids))
                    .forEach(x -> out.put(x.get(MEASUREMENT_STANDARD.ID), new Label(x.get(MEASUREMENT_STANDARD.CODE),
                            x.get(MEASUREMENT_STANDARD.NAME_ZH), x.get(MEASUREMENT_STANDARD.NAME_EN),
                            "NATIONAL".equals(x.get(MEASUREMENT_STANDARD.LEVEL)))));
        }
        return out;
    }

    /** The lab that performed each in-province calibration of a chain (a calibration may have none recorded). */
    private Map<Long, Label> performerLabels(Set<Long> calibrationIds) {
        Map<Long, Label> out = new HashMap<>();
        if (!calibrationIds.isEmpty()) {
            dsl.select(CALIBRATION.ID, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN)
                    .from(CALIBRATION).join(ORGANIZATION).on(ORGANIZATION.ID.eq(CALIBRATION.PERFORMING_ORGANIZATION_ID))
                    .where(CALIBRATION.ID.in(calibrationIds))
                    .forEach(x -> out.put(x.get(CALIBRATION.ID),
                            new Label("", x.get(ORGANIZATION.NAME_ZH), x.get(ORGANIZATION.NAME_EN), false)));
        }
        return out;
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}

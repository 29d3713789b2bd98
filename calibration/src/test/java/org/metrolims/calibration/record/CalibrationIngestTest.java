package org.metrolims.calibration.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_READING;
import static org.metrolims.db.jooq.Tables.UNCERTAINTY_COMPONENT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.db.TestDatabase;

/** Bulk ingest of calibration drafts ({@link CalibrationRecords#ingestChunk}) against the real (embedded) MariaDB. */
class CalibrationIngestTest {

    static RecordFixture f;
    static DSLContext dsl;
    static CalibrationRecords records;

    @BeforeAll
    static void province() {
        dsl = TestDatabase.newSchema(CalibrationIngestTest.class).dsl();
        f = new RecordFixture(dsl);
        records = f.records;
    }

    /** Three points: simple acceptance; guarded w = U with correlated inputs; no tolerance (no decision). */
    CalibrationDraft varied() {
        PointInput plain = RecordFixture.point10mm();
        PointInput correlated = new PointInput(20.0, "mm", List.of(20.0001, 20.0003, 20.0002, 20.0002), 2.0, "µm",
                List.of(ComponentInput.expanded("reference", 0.0003, 2),
                        ComponentInput.halfWidth("resolution", "rectangular", 0.00005),
                        ComponentInput.halfWidth("thermal", "u-shaped", 0.0001)),
                List.of(new CorrelationInput("reference", "thermal", -0.3),
                        new CorrelationInput("resolution", "repeatability", 0.2)));
        PointInput noTolerance = new PointInput(50.0, "mm", List.of(50.001, 50.002), null, null, List.of());
        return new CalibrationDraft(f.instrument, null, "JJG 30-2012", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 3), LocalDate.of(2026, 3, 2), List.of(f.standard), 20.1, 45.0,
                InstrumentCondition.OUT_OF_TOLERANCE, InstrumentCondition.IN_TOLERANCE,
                DecisionRuleCode.GUARDED_ACCEPTANCE_W_EQ_U, null, 0.99, List.of(plain, correlated, noTolerance));
    }

    @Test
    void bulkIngestStoresTheSameRecordAsTheSingleDraftPath() {
        Calibration single = records.draft(f.tech1, varied());

        IngestReport report = records.ingestChunk(f.tech1, List.of(varied(), varied()));

        assertThat(report.accepted()).isTrue();
        assertThat(report.ids()).hasSize(2);
        for (long id : report.ids()) {
            Calibration bulk = records.get(f.tech1, id);
            assertThat(bulk).usingRecursiveComparison().ignoringFields("id", "calibrationNo").isEqualTo(single);
            assertThat(bulk.points().get(1).correlations()).hasSize(2);
            assertThat(bulk.calibrationNo()).startsWith("FJIM-").isNotEqualTo(single.calibrationNo());
        }
        assertThat(records.get(f.tech1, report.ids().get(0)).calibrationNo())
                .isLessThan(records.get(f.tech1, report.ids().get(1)).calibrationNo());
    }

    @Test
    void aRefusedRecordIsReportedWithItsFieldAndNothingOfItsChunkIsStored() {
        int calibrations = dsl.fetchCount(CALIBRATION);
        int readings = dsl.fetchCount(MEASUREMENT_READING);
        int components = dsl.fetchCount(UNCERTAINTY_COMPONENT);
        int audit = dsl.fetchCount(AUDIT_EVENT);
        PointInput unknownUnit = new PointInput(10.0, "furlong", List.of(10.0, 10.1), null, null, List.of());
        PointInput oneReading = new PointInput(10.0, "mm", List.of(10.0002), null, null, List.of());
        PointInput badCorrelation = new PointInput(10.0, "mm", List.of(10.0002, 10.0003), null, null,
                List.of(ComponentInput.expanded("reference", 0.0002, 2)),
                List.of(new CorrelationInput("reference", "repeatability", 1.5)));

        IngestReport report = records.ingestChunk(f.tech1, List.of(f.draft(), f.draft(List.of(unknownUnit)),
                f.draft(), f.draft(List.of(f.point10mm(), oneReading)), f.draft(List.of(badCorrelation))));

        assertThat(report.accepted()).isFalse();
        assertThat(report.ids()).isEmpty();
        assertThat(report.rejections()).extracting(IngestReport.Rejection::index, IngestReport.Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "points[0].unit"),
                        org.assertj.core.groups.Tuple.tuple(3, "points[1].readings"),
                        org.assertj.core.groups.Tuple.tuple(4, "points[0].correlations[0].r"));
        assertThat(report.rejections().getFirst().message()).contains("furlong");
        assertThat(dsl.fetchCount(CALIBRATION)).isEqualTo(calibrations);
        assertThat(dsl.fetchCount(MEASUREMENT_READING)).isEqualTo(readings);
        assertThat(dsl.fetchCount(UNCERTAINTY_COMPONENT)).isEqualTo(components);
        assertThat(dsl.fetchCount(AUDIT_EVENT)).isEqualTo(audit);
    }

    @Test
    void eachIngestedRecordHasItsOwnCreateLineInTheAuditTrailWithTheStoredState() {
        List<CalibrationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            drafts.add(f.draft(List.of(f.point10mm(), f.point10mm())));
        }

        List<Long> ids = records.ingestChunk(f.tech1, drafts).ids();

        assertThat(ids).hasSize(25).doesNotHaveDuplicates();
        for (long id : ids) {
            Calibration stored = records.get(f.tech1, id);
            var lines = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("calibration"),
                    AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))).fetch();
            assertThat(lines).hasSize(1);
            assertThat(lines.getFirst().getAction()).isEqualTo("CREATE");
            assertThat(lines.getFirst().getActor()).isEqualTo("tech1");
            assertThat(lines.getFirst().getBeforeState()).isNull();
            assertThat(lines.getFirst().getAfterState()).isEqualTo(CalibrationJson.of(stored));
        }
    }

    @Test
    void aThousandRecordsWithThirtyRowsEachGoInOneChunk() {
        List<CalibrationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            drafts.add(f.draft(List.of(f.point10mm(), f.point10mm(), f.point10mm())));
        }
        int readings = dsl.fetchCount(MEASUREMENT_READING);

        IngestReport report = records.ingestChunk(f.tech1, drafts);

        assertThat(report.ids()).hasSize(1000);
        // 3 points × 3 readings, more placeholders than one statement may carry: split, none lost
        assertThat(dsl.fetchCount(MEASUREMENT_READING) - readings).isEqualTo(9000);
        assertThat(records.get(f.tech1, report.ids().getLast()).points()).hasSize(3);
    }
}

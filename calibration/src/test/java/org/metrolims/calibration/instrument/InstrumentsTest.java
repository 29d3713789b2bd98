package org.metrolims.calibration.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.schedule.ScheduleFixture;
import org.metrolims.calibration.standard.CsvCells;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.standard.RegistryConflictException;
import org.metrolims.calibration.standard.RegistryFixture;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.reference.RegionCode;

/** The rules of the instrument register, against a real MariaDB schema. */
class InstrumentsTest {

    static RegistryFixture f;
    static Instruments instruments;
    static final AtomicInteger serial = new AtomicInteger();

    @BeforeAll
    static void schema() {
        f = new RegistryFixture(TestDatabase.newSchema(InstrumentsTest.class).dsl());
        instruments = new Instruments(new InstrumentRepository(f.dsl), new InstrumentOverviewRepository(f.dsl),
                f.standards, ScheduleFixture.schedulesOf(f.dsl), f.audit);
    }

    static InstrumentDetails balance(String owner, String serialNo) {
        return new InstrumentDetails(owner, "BALANCE", "A-" + serialNo, "梅特勒-托利多", "XPR10", serialNo,
                BigDecimal.ZERO, new BigDecimal("10.1"), "g", new BigDecimal("0.000001"), new BigDecimal("0.00002"),
                "天平室 101", null, null);
    }

    static String serialNo() {
        return "SN" + serial.incrementAndGet();
    }

    @Test
    void registersAnInstrumentInServiceWithItsTypesDefaultIntervalAndAnAuditLine() {
        Instrument i = instruments.register(balance("FJIM", serialNo()), f.tech);

        assertThat(i.status()).isEqualTo(InstrumentStatus.IN_SERVICE);
        assertThat(i.defaultIntervalMonths()).isEqualTo(12);
        assertThat(i.rangeHigh().toPlainString()).isEqualTo("10.1");
        assertThat(f.dsl.fetchOne(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("instrument")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(i.id())))).getAfterState())
                .contains("\"serialNo\":\"" + i.serialNo() + "\"");
    }

    @Test
    void rejectsBadFieldsTogetherAndStoresNothing() {
        int before = f.dsl.fetchCount(INSTRUMENT);
        var bad = new InstrumentDetails("NOPE", "NO-TYPE", null, "M".repeat(121), "m", "s", new BigDecimal("5"),
                new BigDecimal("1"), "g", new BigDecimal("-1"), null, null, 0, null);

        assertThatThrownBy(() -> instruments.register(bad, f.admin))
                .isInstanceOfSatisfying(RegistryInputException.class, e -> assertThat(e.errors())
                        .extracting(RegistryInputException.FieldError::field)
                        .containsExactlyInAnyOrder("owner", "type", "manufacturer", "rangeLow", "resolution",
                                "calibrationIntervalMonths"));
        assertThat(f.dsl.fetchCount(INSTRUMENT)).isEqualTo(before);
    }

    @Test
    void refusesASecondInstrumentWithTheSameManufacturerModelAndSerial() {
        String sn = serialNo();
        instruments.register(balance("FJIM", sn), f.tech);

        assertThatThrownBy(() -> instruments.register(balance("FJIM", sn), f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("serialNo"));
    }

    @Test
    void aStaleUpdateIsAConflictAndAGoodOneIsAuditedBeforeAndAfter() {
        Instrument i = instruments.register(balance("FJIM", serialNo()), f.tech);
        var d = i.details();
        var moved = new InstrumentDetails(d.owner(), d.type(), d.assetNo(), d.manufacturer(), d.model(),
                d.serialNo(), d.rangeLow(), d.rangeHigh(), d.unit(), d.resolution(), d.maxPermissibleError(),
                "天平室 202", 6, d.status());

        Instrument after = instruments.update(i.id(), i.version(), moved, "moved", f.tech);

        assertThat(after.location()).isEqualTo("天平室 202");
        assertThat(after.calibrationIntervalMonths()).isEqualTo(6);
        assertThatThrownBy(() -> instruments.update(i.id(), i.version(), d, null, f.tech))
                .isInstanceOfSatisfying(RegistryConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(RegistryConflictException.STALE_VERSION));
        var line = f.dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(i.id()))
                .and(AUDIT_EVENT.ACTION.eq("UPDATE"))).fetchSingle();
        assertThat(line.getBeforeState()).contains("天平室 101");
        assertThat(line.getAfterState()).contains("天平室 202");
        assertThat(line.getReason()).isEqualTo("moved");
    }

    @Test
    void aTechnicianRegistersOnlyForItsOwnOrganizationAndALabSeesOnlyItsOwn() {
        assertThatThrownBy(() -> instruments.register(balance("XMIM", serialNo()), f.tech))
                .isInstanceOf(Forbidden.class);
        Instrument i = instruments.register(balance("FJIM", serialNo()), f.tech);

        assertThatThrownBy(() -> instruments.find(i.id(), f.labUser)).isInstanceOf(RegistryNotFoundException.class);
        assertThat(instruments.find(i.id(), f.officer).id()).isEqualTo(i.id());
    }

    @Test
    void searchFiltersByRegionOwnerDisciplineAndText() {
        String sn = serialNo();
        instruments.register(balance("FJIM", sn + "-F"), f.admin);
        instruments.register(balance("XMIM", sn + "-X"), f.admin);
        var page = new PageRequest(0, 50);

        assertThat(instruments.search(new InstrumentFilter(new RegionCode("350200"), null, null, null, null, sn),
                page, f.officer).items()).extracting(Instrument::serialNo).containsExactly(sn + "-X");
        assertThat(instruments.search(new InstrumentFilter(null, "MECHANICS", "FJIM", "BALANCE", null, sn),
                page, f.officer).items()).extracting(Instrument::serialNo).containsExactly(sn + "-F");
        assertThat(instruments.search(new InstrumentFilter(null, "THERMAL", null, null, null, sn), page,
                f.officer).items()).isEmpty();
    }

    @Test
    void pagesRunByOwnerCodeThenManufacturerModelAndSerialWithTheTotal() {
        String sn = serialNo();
        String[][] made = {{"XMIM", "Ohaus", "PX", "3"}, {"FJIM", "Sartorius", "Cubis", "1"},
                {"FJIM", "Mettler", "XPR", "2"}, {"XMIM", "Mettler", "XPR", "1"}, {"FJIM", "Mettler", "XPR", "1"},
                {"FJIM", "Mettler", "AB", "9"}, {"XMIM", "Ohaus", "PX", "2"}};
        for (String[] m : made) {
            InstrumentDetails b = balance(m[0], sn + "-" + m[3] + m[0] + m[1]);
            instruments.register(new InstrumentDetails(b.owner(), b.type(), b.assetNo(), m[1], m[2], b.serialNo(),
                    b.rangeLow(), b.rangeHigh(), b.unit(), b.resolution(), b.maxPermissibleError(), b.location(),
                    null, null), f.admin);
        }
        List<String> expected = java.util.Arrays.stream(made)
                .sorted(java.util.Comparator.<String[], String>comparing(m -> m[0]).thenComparing(m -> m[1])
                        .thenComparing(m -> m[2]).thenComparing(m -> sn + "-" + m[3] + m[0] + m[1]))
                .map(m -> sn + "-" + m[3] + m[0] + m[1]).toList();
        List<String> seen = new java.util.ArrayList<>();
        InstrumentFilter mine = new InstrumentFilter(null, null, null, null, null, sn + "-");
        for (int p = 0; p < 5; p++) {
            var page = instruments.search(mine, new PageRequest(p, 3), f.officer);
            assertThat(page.totalItems()).isEqualTo(made.length);
            page.items().forEach(i -> seen.add(i.serialNo()));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(instruments.search(new InstrumentFilter(null, null, "XMIM", null, null, sn + "-"),
                new PageRequest(0, 2), f.officer).totalItems()).isEqualTo(3);
    }

    @Test
    void anImportWithOneBadRowImportsNothingAndAGoodOneImportsAllAndExportsBack() {
        String header = String.join(",", InstrumentCsv.HEADER);
        String sn = serialNo();
        String bad = header + "\n"
                + "FJIM,BALANCE,,赛多利斯,MSA,\"" + sn + "-1\",0,220,g,0.0001,,天平室,12,,\n"
                + "FJIM,BALANCE,,赛多利斯,MSA," + sn + "-2,0,220,g,-0.0001,,天平室,12,,\n";
        int before = f.dsl.fetchCount(INSTRUMENT);

        ImportReport rejected = instruments.importCsv(new StringReader(bad), f.tech);

        assertThat(rejected.imported()).isZero();
        assertThat(rejected.rejections()).singleElement()
                .satisfies(r -> assertThat(r.row() + ":" + r.field()).isEqualTo("3:resolution"));
        assertThat(f.dsl.fetchCount(INSTRUMENT)).isEqualTo(before);

        ImportReport accepted = instruments.importCsv(new StringReader(bad.replace("-0.0001", "0.0001")), f.tech);

        assertThat(accepted.imported()).isEqualTo(2);
        StringWriter out = new StringWriter();
        CsvCells.write(instruments.export(new InstrumentFilter(null, null, null, null, null, sn), f.tech), out);
        assertThat(out.toString()).contains("FJIM,BALANCE,,赛多利斯,MSA," + sn + "-1,0,220,g,0.0001,,天平室,12,IN_SERVICE,");
    }
}

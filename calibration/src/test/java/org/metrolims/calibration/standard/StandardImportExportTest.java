package org.metrolims.calibration.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.calibration.standard.RegistryFixture.certificate;
import static org.metrolims.calibration.standard.RegistryFixture.weights;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;

/** CSV import is all or nothing with a per-row report; an export imports back as it was. */
class StandardImportExportTest {

    static final String HEADER = String.join(",", StandardCsv.HEADER.subList(0, StandardCsv.HEADER.size() - 1));

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesThatRowAndField() {
        RegistryFixture f = new RegistryFixture(TestDatabase.newSchema(StandardImportExportTest.class).dsl());
        String csv = HEADER + "\n"
                + "IMP-1,砝码标准装置,Weights,MECHANICS,MASS,PROVINCIAL_PUBLIC,FJIM,350100,0.001,20,kg,,,E2,2020-05-01,"
                + "C-IMP-1,2023-01-10,2027-01-09,福建省市场监督管理局\n"
                + "IMP-2,温度标准装置,Thermometers,THERMAL,TEMPERATURE,CITY_PUBLIC,FJIM,350100,300,100,K,0.05,2,,"
                + "2021-01-01,,,,\n";

        ImportReport report = f.standards.importCsv(new StringReader(csv), f.tech);

        assertThat(report.imported()).isZero();
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("rangeLow");
        });
        assertThat(f.dsl.fetchCount(MEASUREMENT_STANDARD)).isZero();
    }

    @Test
    void reportsEveryRejectedRowUnknownCodesDuplicatesAndOtherOrganizations() {
        RegistryFixture f = new RegistryFixture(TestDatabase.newSchema(StandardImportExportTest.class).dsl());
        String csv = HEADER + "\n"
                + "DUP,名,n,MECHANICS,MASS,CITY_PUBLIC,FJIM,350100,,,kg,,,E2,2020-05-01,,,,\n"
                + "DUP,名,n,MECHANICS,MASS,CITY_PUBLIC,FJIM,350100,,,kg,,,E2,2020-05-01,,,,\n"
                + "X-1,名,n,LIGHT,MASS,GALACTIC,XMIM,350100,,,kg,,,E2,01/05/2020,,,,\n";

        ImportReport report = f.standards.importCsv(new StringReader(csv), f.tech);

        assertThat(report.rejections()).extracting(r -> r.row() + ":" + r.field()).contains("3:code",
                "4:discipline", "4:level", "4:establishedOn", "4:owner");
        assertThat(report.rejections()).noneMatch(r -> r.row() == 2);
        assertThat(f.dsl.fetchCount(MEASUREMENT_STANDARD)).isZero();
    }

    @Test
    void aGoodFileImportsEveryRowWithChineseNamesAndCertificates() {
        RegistryFixture f = new RegistryFixture(TestDatabase.newSchema(StandardImportExportTest.class).dsl());
        String csv = "\uFEFF" + HEADER + "\n"
                + "IMP-1,\"砝码标准装置, E2\",Weights,MECHANICS,MASS,PROVINCIAL_PUBLIC,FJIM,350100,0.001,20,kg,,,E2,"
                + "2020-05-01,C-IMP-1,2023-01-10,2027-01-09,福建省市场监督管理局\n"
                + "IMP-2,温度标准装置,Thermometers,THERMAL,TEMPERATURE,CITY_PUBLIC,FJIM,350100,100,300,K,0.05,2,,"
                + "2021-01-01,,,,\n";

        ImportReport report = f.standards.importCsv(new StringReader(csv), f.tech);

        assertThat(report.rejections()).isEmpty();
        assertThat(report.imported()).isEqualTo(2);
        var imported = f.standards.search(StandardFilter.none(), new org.metrolims.db.PageRequest(0, 10), f.tech);
        assertThat(imported.items()).extracting(MeasurementStandard::nameZh)
                .containsExactly("砝码标准装置, E2", "温度标准装置");
        assertThat(imported.items().get(0).certificate().certificateNo()).isEqualTo("C-IMP-1");
        assertThat(f.standards.history(imported.items().get(0).id(), f.tech).audit())
                .extracting(StandardHistory.AuditLine::action).containsExactly("IMPORT");
    }

    @Test
    void anExportImportsIntoAnotherInstallationAndExportsTheSame() {
        RegistryFixture source = new RegistryFixture(TestDatabase.newSchema(StandardImportExportTest.class).dsl());
        source.standards.register(weights("RT-1"), certificate("RT-C1", LocalDate.of(2023, 1, 10)), source.tech);
        var d = weights("RT-2");
        source.standards.register(new StandardDetails("RT-2", "温度 \"二等\" 标准", "Line1\nLine2", "THERMAL",
                "TEMPERATURE", StandardLevel.CITY_PUBLIC, "FJIM", "350102", null, null, "K",
                new java.math.BigDecimal("0.012"), new java.math.BigDecimal("2"), null, d.establishedOn()), null,
                source.tech);
        StringWriter exported = new StringWriter();
        CsvCells.write(source.standards.export(StandardFilter.none(), source.tech), exported);

        RegistryFixture target = new RegistryFixture(TestDatabase.newSchema(StandardImportExportTest.class).dsl());
        ImportReport report = target.standards.importCsv(new StringReader(exported.toString()), target.tech);
        StringWriter again = new StringWriter();
        CsvCells.write(target.standards.export(StandardFilter.none(), target.tech), again);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(again.toString()).isEqualTo(exported.toString());
    }
}

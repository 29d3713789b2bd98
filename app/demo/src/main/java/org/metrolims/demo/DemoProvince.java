package org.metrolims.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;
import org.metrolims.demo.DemoRows.AssessmentCertificate;
import org.metrolims.demo.DemoRows.Calibration;
import org.metrolims.demo.DemoRows.DeliberateGap;
import org.metrolims.demo.DemoRows.Discipline;
import org.metrolims.demo.DemoRows.GapKind;
import org.metrolims.demo.DemoRows.Instrument;
import org.metrolims.demo.DemoRows.InstrumentBatch;
import org.metrolims.demo.DemoRows.InstrumentType;
import org.metrolims.demo.DemoRows.BudgetRow;
import org.metrolims.demo.DemoRows.Measured;
import org.metrolims.demo.DemoRows.MeasurementPoint;
import org.metrolims.demo.DemoRows.Organization;
import org.metrolims.demo.DemoRows.OrganizationScope;
import org.metrolims.demo.DemoRows.Quantity;
import org.metrolims.demo.DemoRows.ReferenceLink;
import org.metrolims.demo.DemoRows.Region;
import org.metrolims.demo.DemoRows.Standard;
import org.metrolims.demo.DemoRows.StandardStatus;
import org.metrolims.demo.DemoRows.User;
import org.metrolims.demo.DemoRows.UserRole;
import org.metrolims.demo.FujianDivisions.Division;
import org.metrolims.demo.MetrologyCatalogue.DisciplineSpec;
import org.metrolims.demo.MetrologyCatalogue.Maker;
import org.metrolims.demo.MetrologyCatalogue.QuantitySpec;
import org.metrolims.calibration.uncertainty.BudgetLine;
import org.metrolims.calibration.uncertainty.EvaluatedUncertainty;
import org.metrolims.calibration.uncertainty.UncertaintyBudget;
import org.metrolims.calibration.uncertainty.UncertaintyComponent;
import org.metrolims.demo.MetrologyCatalogue.TypeSpec;
import org.metrolims.calibration.decision.Decision;
import org.metrolims.calibration.decision.DecisionRule;
import org.metrolims.calibration.decision.GuardedAcceptance;
import org.metrolims.calibration.decision.SimpleAcceptance;
import org.metrolims.calibration.decision.ToleranceInterval;

/**
 * The demo province, modelled on Fujian: generated from a seed, a scale and an anchor date alone,
 * with no database and no clock, so that the same three give the same rows, byte for byte.
 *
 * <h2>What it holds</h2>
 * <ul>
 *   <li>Reference data, the same at every scale: the GB/T 2260 division tree of Fujian
 *       ({@link FujianDivisions}), the ten disciplines with their quantities and instrument types
 *       ({@link MetrologyCatalogue}), 65 organizations (the provincial bureau FJ-AMR, the Fujian
 *       Institute of Metrology FJIM, nine city and 24 county institutes, 20 CNAS-accredited labs,
 *       ten enterprises) and their users, among them the fixed demo users of
 *       {@link #FIXED_USERNAMES}.</li>
 *   <li>Standards, about 1,800 public ones at scale 1 ({@value #PROVINCIAL_STANDARDS} provincial,
 *       {@value #CITY_STANDARDS} city, {@value #COUNTY_STANDARDS} county), so that the plan's
 *       targets of 2,000 public and 350 provincial standards are visibly not met; plus departmental
 *       and enterprise standards, which do not count. Each has its status history and its
 *       assessment certificates (four years, renewed by a new row before expiry). About 3% are
 *       suspended or retired, 3% were suspended and are back in service, and 2.5% let their
 *       certificate lapse without renewal, so that not every standard counts.</li>
 *   <li>Instruments and two years of calibrations up to the anchor date, about 200,000 at
 *       scale 1, streamed in batches by {@link #forEachInstrumentBatch} so that memory does not
 *       grow with the scale. Standards' equipment reaches further back (county equipment to the
 *       calibration that covered the window's first day, city equipment 24 months more, provincial
 *       equipment 48 months more), so that every chain is complete from the window's start.</li>
 * </ul>
 * Standards, instruments and calibrations scale with {@code scale}; reference data does not.
 *
 * <h2>Traceability</h2>
 * Provincial standards' equipment is calibrated abroad or by the NMI (no performing organization,
 * an external issuer and certificate number): those calibrations are the roots. City standards'
 * equipment is calibrated by FJIM against a provincial standard of the same quantity; county,
 * departmental and enterprise standards' equipment by their city's institute against a city
 * standard of the same quantity, or by FJIM. A reference is only ever a standard that was active,
 * certified and itself in calibration on the day it was used. The expanded uncertainty grows down
 * the hierarchy: a quantity's provincial standards claim 0.85–1.15 times its base relative
 * uncertainty, city standards 1.8–2.2 times and county (and departmental, enterprise) ones 3.4–4.0
 * times, and every calibration point's uncertainty lies between its reference's claim and the
 * claim of the standard it serves.
 *
 * <h2>Chains broken on purpose</h2>
 * So that traceability analysis has something to find, a few chains are flawed; which standards
 * is decided by the seed and listed by {@link #deliberateGaps()} (and logged by the loader). Each
 * of them is active and holds a valid certificate on the anchor date, so it counts as a standard
 * while its chain is incomplete. No other standard uses them as a reference, so each flaw stays
 * local.
 * <ul>
 *   <li>{@link GapKind#EXPIRED_LINK} — about 6 county standards at scale 1 (at least one): their
 *       equipment's last calibration expired 3 weeks or more before the anchor date and was not
 *       renewed.</li>
 *   <li>{@link GapKind#MISSING_LINK} — about 3 city standards (at least one): their equipment's
 *       calibrations name a performing institute but no reference standard.</li>
 *   <li>{@link GapKind#EXPIRED_ROOT} — about 2 provincial standards (none in provinces too small to
 *       have two provincial standards of one quantity): the last NMI calibration of their
 *       equipment expired 45 days or more before the anchor date.</li>
 * </ul>
 * The first standard of each kind is, where there is one, a standard that no sound public standard of its
 * region (same quantity, an expanded uncertainty no larger, counting on the anchor date) could stand in for, so
 * that its broken chain leaves the demand it alone serves capable but not traceable: at scale 1 the province's
 * traceability coverage is then below its capability coverage, as it would be with real gaps.
 * Customer calibrations may still name these standards: the institutes went on using them.
 * Accredited lab AL-20's CNAS accreditation has expired too.
 *
 * <h2>Calibrations</h2>
 * Nearly all are APPROVED, by a technician and a different reviewer of the performing institute;
 * those of the last two weeks are partly DRAFT or SUBMITTED. Each point is decided by the
 * application's own ILAC G8 rules ({@code calibration.decision}): simple acceptance for 85% of the
 * calibrations, binary guarded acceptance with w = U for 10%, the non-binary rule for 5%; about 5%
 * of customers' instruments are found out of tolerance. Calibration numbers end in the
 * calibration's id ({@code FJIM-2025-0004260}, {@code EXT-2020-0000001} for NMI certificates).
 */
final class DemoProvince {

    /** Sizes at scale 1. */
    static final int PROVINCIAL_STANDARDS = 332;
    static final int CITY_STANDARDS = 936;
    static final int COUNTY_STANDARDS = 532;
    static final int DEPARTMENTAL_STANDARDS = 140;
    static final int ENTERPRISE_STANDARDS = 110;
    static final int CUSTOMER_INSTRUMENTS = 96_000;

    /** The demo users that always exist, whatever the seed and scale. */
    static final List<String> FIXED_USERNAMES = List.of("admin", "officer", "tech", "reviewer", "lab1", "lab2");

    static final String NIM = "中国计量科学研究院 National Institute of Metrology, China";
    static final String AUTHORITY_CODE = "FJ-AMR";
    static final String INSTITUTE_CODE = "FJIM";

    static final String PROVINCIAL_PUBLIC = "PROVINCIAL_PUBLIC";
    static final String CITY_PUBLIC = "CITY_PUBLIC";
    static final String COUNTY_PUBLIC = "COUNTY_PUBLIC";
    static final String DEPARTMENTAL = "DEPARTMENTAL";
    static final String ENTERPRISE = "ENTERPRISE";

    private static final String ACTIVE = "ACTIVE";
    private static final String SUSPENDED = "SUSPENDED";
    private static final String RETIRED = "RETIRED";
    private static final String APPROVED = "APPROVED";
    /** The ILAC G8 rules the demo's institutes state: mostly simple acceptance, some with a guard band w = U. */
    private static final DecisionRule SIMPLE_ACCEPTANCE = new SimpleAcceptance();
    private static final DecisionRule GUARDED_ACCEPTANCE = GuardedAcceptance.binary(1.0);
    private static final DecisionRule NON_BINARY_GUARD_BAND = GuardedAcceptance.nonBinary(1.0);
    private static final BigDecimal K2 = new BigDecimal("2.000");
    private static final BigDecimal P95 = new BigDecimal("0.9545");
    /** Calibrations done in the last this many days before the anchor date carry their readings and budget. */
    static final int READINGS_DAYS = 45;
    private static final int READINGS = 5;
    private static final String REPEATABILITY = "repeatability";
    private static final String REFERENCE = "reference standard";
    /** The day the provincial quality-supervision bureau became the market-supervision bureau. */
    private static final LocalDate BUREAU_RENAMED = LocalDate.of(2018, 11, 1);

    /** NMIs under the CIPM MRA besides NIM that calibrate a few of the province's top standards. */
    private record Nmi(String issuer, String shortName, String certificatePrefix) {}

    private static final Nmi NIM_NMI = new Nmi(NIM, "NIM", "LSsx");
    private static final List<Nmi> OTHER_NMIS = List.of(
            new Nmi("Physikalisch-Technische Bundesanstalt (PTB), Germany", "PTB", "PTB-"),
            new Nmi("National Physical Laboratory (NPL), United Kingdom", "NPL", "NPL-"),
            new Nmi("Korea Research Institute of Standards and Science (KRISS)", "KRISS", "KRISS-"));

    private static final List<String> COUNTY_INSTITUTES = List.of(
            "350181", "350121", "350122", "350128", "350322", "350481", "350426", "350405", "350582", "350581",
            "350583", "350521", "350524", "350526", "350623", "350628", "350782", "350783", "350781", "350881",
            "350823", "350981", "350982", "350922");

    /** Relative weight of each city (in division order) for standards and labs: the big coastal cities lead. */
    private static final Map<String, Integer> CITY_WEIGHT = Map.of(
            "350100", 16, "350200", 14, "350300", 8, "350400", 8, "350500", 15,
            "350600", 10, "350700", 7, "350800", 8, "350900", 9);

    /** Short names used in city-issued certificate numbers. */
    private static final Map<String, String> CITY_ABBREVIATION = Map.of(
            "350100", "榕", "350200", "厦", "350300", "莆", "350400", "明", "350500", "泉",
            "350600", "漳", "350700", "南", "350800", "龙", "350900", "宁");

    private record EnterpriseSpec(String nameZh, String nameEn, String regionCode) {}

    private static final List<EnterpriseSpec> ENTERPRISES = List.of(
            new EnterpriseSpec("宁德新能动力电池有限公司", "Ningde Xinneng Power Battery Co., Ltd.", "350902"),
            new EnterpriseSpec("晋江鸿运鞋业有限公司", "Jinjiang Hongyun Footwear Co., Ltd.", "350582"),
            new EnterpriseSpec("德化瓷都陶瓷有限公司", "Dehua Cidu Ceramics Co., Ltd.", "350526"),
            new EnterpriseSpec("泉港海峡石化有限公司", "Quangang Haixia Petrochemical Co., Ltd.", "350505"),
            new EnterpriseSpec("厦门鹭岛精密机械有限公司", "Xiamen Ludao Precision Machinery Co., Ltd.", "350211"),
            new EnterpriseSpec("福州马尾船舶重工有限公司", "Fuzhou Mawei Shipbuilding Heavy Industry Co., Ltd.", "350105"),
            new EnterpriseSpec("漳州古雷新材料有限公司", "Zhangzhou Gulei New Materials Co., Ltd.", "350623"),
            new EnterpriseSpec("三明钢城特钢有限公司", "Sanming Gangcheng Special Steel Co., Ltd.", "350404"),
            new EnterpriseSpec("安溪铁观音茶业有限公司", "Anxi Tieguanyin Tea Co., Ltd.", "350524"),
            new EnterpriseSpec("龙岩闽西机械有限公司", "Longyan Minxi Machinery Co., Ltd.", "350802"));

    private static final List<String> SUSPEND_REASONS = List.of(
            "主标准器送修 Main standard sent for repair",
            "环境条件不满足要求 Laboratory environment out of specification",
            "持证人员调离 Certified staff left");
    private static final List<String> RETIRE_REASONS = List.of(
            "被新建计量标准替代 Replaced by a new standard",
            "主标准器老化报废 Main standard worn out");
    private static final String ESTABLISHED_REASON = "计量标准考核合格，建标 Established after assessment";
    private static final String REACTIVATED_REASON = "修复后复查合格，恢复使用 Back in service after repair and re-check";

    private final long seed;
    private final double scale;
    private final LocalDate anchorDate;
    private final LocalDate windowStart;

    private final List<Region> regions = new ArrayList<>();
    private final List<Discipline> disciplines = new ArrayList<>();
    private final List<Quantity> quantities = new ArrayList<>();
    private final List<InstrumentType> instrumentTypes = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();
    private final List<OrganizationScope> scopes = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<UserRole> userRoles = new ArrayList<>();
    private final List<Standard> standards = new ArrayList<>();
    private final List<StandardStatus> statuses = new ArrayList<>();
    private final List<AssessmentCertificate> certificates = new ArrayList<>();
    private final List<DeliberateGap> gaps = new ArrayList<>();

    // the generator's own model, from which the rows above are made
    private final Map<String, Long> regionIds = new HashMap<>();
    private final Map<String, Division> divisions = new HashMap<>();
    private final List<Q> qs = new ArrayList<>();
    private final List<Org> orgs = new ArrayList<>();
    private final Map<String, Org> cityInstitutes = new HashMap<>();
    private final Map<String, Org> countyInstitutes = new HashMap<>();
    private final List<Org> labs = new ArrayList<>();
    private final List<Org> enterprises = new ArrayList<>();
    private Org institute;
    private final List<Std> stds = new ArrayList<>();
    private final Map<Long, List<Std>> stdsByOwnerAndQuantity = new HashMap<>();

    private DemoProvince(long seed, double scale, LocalDate anchorDate, String passwordHash) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("The demo scale must be a positive number, not " + scale);
        }
        this.seed = seed;
        this.scale = scale;
        this.anchorDate = anchorDate;
        this.windowStart = anchorDate.minusYears(2);
        buildRegions();
        buildCatalogue();
        buildOrganizations();
        buildUsers(passwordHash);
        buildStandards();
    }

    /**
     * Generates the province. Cheap: instruments and calibrations are made only when
     * {@link #forEachInstrumentBatch} is called.
     *
     * @param passwordHash the encoded demo password, the same for every demo user
     */
    static DemoProvince generate(long seed, double scale, LocalDate anchorDate, String passwordHash) {
        return new DemoProvince(seed, scale, anchorDate, passwordHash);
    }

    List<Region> regions() { return Collections.unmodifiableList(regions); }

    List<Discipline> disciplines() { return Collections.unmodifiableList(disciplines); }

    List<Quantity> quantities() { return Collections.unmodifiableList(quantities); }

    List<InstrumentType> instrumentTypes() { return Collections.unmodifiableList(instrumentTypes); }

    List<Organization> organizations() { return Collections.unmodifiableList(organizations); }

    List<OrganizationScope> organizationScopes() { return Collections.unmodifiableList(scopes); }

    List<User> users() { return Collections.unmodifiableList(users); }

    List<UserRole> userRoles() { return Collections.unmodifiableList(userRoles); }

    List<Standard> standards() { return Collections.unmodifiableList(standards); }

    List<StandardStatus> standardStatuses() { return Collections.unmodifiableList(statuses); }

    List<AssessmentCertificate> assessmentCertificates() { return Collections.unmodifiableList(certificates); }

    List<DeliberateGap> deliberateGaps() { return Collections.unmodifiableList(gaps); }

    /** How many of something there are at this scale; {@code atLeastOne} keeps tiny provinces whole. */
    private int scaled(int atScaleOne, boolean atLeastOne) {
        int n = (int) Math.round(atScaleOne * scale);
        return atLeastOne ? Math.max(1, n) : n;
    }

    // ---------------------------------------------------------------- reference data

    private void buildRegions() {
        long id = 1;
        for (Division d : FujianDivisions.ALL) {
            Long parent = d.parentCode() == null ? null : regionIds.get(d.parentCode());
            regions.add(new Region(id, d.code(), d.nameZh(), d.nameEn(), d.level(), parent));
            regionIds.put(d.code(), id);
            divisions.put(d.code(), d);
            id++;
        }
    }

    private void buildCatalogue() {
        List<DisciplineSpec> ds = MetrologyCatalogue.DISCIPLINES;
        for (int i = 0; i < ds.size(); i++) {
            disciplines.add(new Discipline(i + 1, ds.get(i).code(), ds.get(i).nameZh(), ds.get(i).nameEn(), i + 1));
        }
        for (QuantitySpec spec : MetrologyCatalogue.QUANTITIES) {
            int discipline = disciplineIndex(spec.discipline());
            Q q = new Q(qs.size(), qs.size() + 1, spec, discipline);
            qs.add(q);
            quantities.add(new Quantity(q.id, discipline + 1L, spec.code(), spec.nameZh(), spec.nameEn(),
                    spec.siUnit(), spec.siUnitName()));
        }
        List<TypeSpec> ts = MetrologyCatalogue.TYPES;
        for (int i = 0; i < ts.size(); i++) {
            TypeSpec spec = ts.get(i);
            Q q = qs.stream().filter(x -> x.spec.code().equals(spec.quantity())).findFirst().orElseThrow();
            T t = new T(i + 1, i, spec, q);
            if (spec.reference()) {
                q.referenceTypes.add(t);
            }
            if (spec.customer()) {
                q.customerTypes.add(t);
            }
            instrumentTypes.add(new InstrumentType(t.id, spec.code(), spec.nameZh(), spec.nameEn(), q.id,
                    spec.intervalMonths()));
        }
        for (Q q : qs) {
            if (q.referenceTypes.isEmpty() || q.customerTypes.isEmpty()) {
                throw new IllegalStateException("Quantity " + q.spec.code() + " needs reference and customer types");
            }
        }
    }

    private static int disciplineIndex(String code) {
        for (int i = 0; i < MetrologyCatalogue.DISCIPLINES.size(); i++) {
            if (MetrologyCatalogue.DISCIPLINES.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No discipline " + code);
    }

    // ---------------------------------------------------------------- organizations

    private void buildOrganizations() {
        RandomGenerator rng = rng("organizations", 0);
        Division fuzhou = divisions.get("350100");
        Division gulou = divisions.get("350102");
        int all = MetrologyCatalogue.DISCIPLINES.size();

        Org bureau = addOrg(rng, AUTHORITY_CODE, "福建省市场监督管理局", "Fujian Administration for Market Regulation",
                "AUTHORITY", divisions.get("350000"), null, gulou, fuzhou, null, null);
        institute = addOrg(rng, INSTITUTE_CODE, "福建省计量科学研究院", "Fujian Institute of Metrology", "INSTITUTE",
                divisions.get("350000"), bureau, gulou, fuzhou, null, null);
        scope(institute, range(all));

        for (Division city : FujianDivisions.ALL) {
            if (!city.level().equals(FujianDivisions.CITY)) {
                continue;
            }
            Division seat = firstCountyOf(city);
            Org org = addOrg(rng, "IM-" + city.code(), city.nameZh() + "计量检定测试院",
                    city.nameEn() + " Institute of Measurement and Testing", "INSTITUTE", city, bureau, seat, city,
                    null, null);
            org.city = city;
            List<Integer> scope = new ArrayList<>(List.of(0, 1, 2, 3, 5, 9));
            List<Integer> extra = new ArrayList<>(List.of(4, 6, 7, 8));
            boolean big = CITY_WEIGHT.get(city.code()) >= 14;
            int extras = big ? extra.size() : 1 + rng.nextInt(3);
            shuffle(extra, rng);
            scope.addAll(extra.subList(0, extras));
            scope(org, scope);
            cityInstitutes.put(city.code(), org);
        }
        for (String code : COUNTY_INSTITUTES) {
            Division county = divisions.get(code);
            Division city = divisions.get(county.parentCode());
            Org org = addOrg(rng, "IM-" + code, county.nameZh() + "计量检定所",
                    county.nameEnBase() + " Metrology Verification Institute", "INSTITUTE", county, bureau, county,
                    city, null, null);
            org.city = city;
            List<Integer> scope = new ArrayList<>(List.of(0, 1, 2));
            List<Integer> extra = new ArrayList<>(List.of(3, 5, 9));
            shuffle(extra, rng);
            scope.addAll(extra.subList(0, 1 + rng.nextInt(2)));
            scope(org, scope);
            countyInstitutes.put(code, org);
        }

        List<Division> cities = FujianDivisions.ALL.stream().filter(d -> d.level().equals(FujianDivisions.CITY))
                .toList();
        TreeSet<Integer> cnasNumbers = new TreeSet<>();
        for (int i = 0; i < DemoNames.LAB_BRANDS.size(); i++) {
            Division city = pick(rng, cities, c -> CITY_WEIGHT.get(c.code()));
            List<Division> counties = countiesOf(city);
            Division county = counties.get(rng.nextInt(counties.size()));
            DemoNames.Word brand = DemoNames.LAB_BRANDS.get(i);
            DemoNames.Word kind = DemoNames.LAB_KINDS.get(rng.nextInt(DemoNames.LAB_KINDS.size()));
            int cnas;
            do {
                cnas = 1000 + rng.nextInt(19000);
            } while (!cnasNumbers.add(cnas));
            // AL-20's accreditation lapsed shortly before the anchor date: one lab that PT and
            // certificate checks should flag
            LocalDate validUntil = i == DemoNames.LAB_BRANDS.size() - 1
                    ? anchorDate.minusDays(45)
                    : anchorDate.plusDays(60 + rng.nextInt(1800));
            String cityShort = city.nameZh().substring(0, city.nameZh().length() - 1);
            Org lab = addOrg(rng, String.format(Locale.ROOT, "AL-%02d", i + 1), cityShort + brand.zh() + kind.zh(),
                    city.nameEn() + " " + brand.en() + " " + kind.en(), "ACCREDITED_LAB", county, null, county, city,
                    "CNAS L" + cnas, validUntil);
            lab.city = city;
            List<Integer> scope = new ArrayList<>(range(all));
            shuffle(scope, rng);
            scope = new ArrayList<>(scope.subList(0, 2 + rng.nextInt(4)));
            Collections.sort(scope);
            scope(lab, scope);
            labs.add(lab);
        }
        for (int i = 0; i < ENTERPRISES.size(); i++) {
            EnterpriseSpec e = ENTERPRISES.get(i);
            Division county = divisions.get(e.regionCode());
            Division city = divisions.get(county.parentCode());
            Org org = addOrg(rng, String.format(Locale.ROOT, "EN-%02d", i + 1), e.nameZh(), e.nameEn(), "ENTERPRISE",
                    county, null, county, city, null, null);
            org.city = city;
            enterprises.add(org);
        }
    }

    private Org addOrg(RandomGenerator rng, String code, String zh, String en, String kind, Division region,
            Org parent, Division addressCounty, Division addressCity, String accreditation, LocalDate validUntil) {
        long id = orgs.size() + 1;
        Org org = new Org(id, code, kind, region);
        DemoNames.Word address = DemoNames.address(rng, addressCounty, addressCity);
        organizations.add(new Organization(id, code, zh, en, kind, regionIds.get(region.code()),
                parent == null ? null : parent.id, address.zh(), address.en(), accreditation, validUntil,
                anchorDate.minusYears(3).atTime(9, 0).plusMinutes(id)));
        orgs.add(org);
        return org;
    }

    private void scope(Org org, List<Integer> disciplineIndexes) {
        for (int d : new TreeSet<>(disciplineIndexes)) {
            org.scope[d] = true;
            scopes.add(new OrganizationScope(org.id, d + 1L));
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static Division firstCountyOf(Division city) {
        return countiesOf(city).get(0);
    }

    private static List<Division> countiesOf(Division city) {
        return FujianDivisions.ALL.stream().filter(d -> city.code().equals(d.parentCode())).toList();
    }

    // ---------------------------------------------------------------- users

    private void buildUsers(String passwordHash) {
        RandomGenerator rng = rng("users", 0);
        Org bureau = orgs.get(0);
        addUser("admin", "林建华 Lin Jianhua", bureau, passwordHash, "ADMIN");
        addUser("officer", "陈静 Chen Jing", bureau, passwordHash, "OFFICER");
        User tech = addUser("tech", "黄伟 Huang Wei", institute, passwordHash, "TECHNICIAN");
        User reviewer = addUser("reviewer", "郑丽 Zheng Li", institute, passwordHash, "TECHNICIAN");
        institute.technicians = new long[] {tech.id(), reviewer.id()};
        addUser("lab1", "吴敏 Wu Min", labs.get(0), passwordHash, "LAB");
        addUser("lab2", "刘洋 Liu Yang", labs.get(1), passwordHash, "LAB");
        for (Org org : orgs) {
            if (org.kind.equals("INSTITUTE") && org != institute) {
                String suffix = org.code.toLowerCase(Locale.ROOT);
                User t = addUser("tech-" + suffix, DemoNames.person(rng), org, passwordHash, "TECHNICIAN");
                User r = addUser("reviewer-" + suffix, DemoNames.person(rng), org, passwordHash, "TECHNICIAN");
                org.technicians = new long[] {t.id(), r.id()};
            }
        }
        for (Org lab : labs.subList(2, labs.size())) {
            addUser("lab-" + lab.code.toLowerCase(Locale.ROOT), DemoNames.person(rng), lab, passwordHash, "LAB");
        }
    }

    private User addUser(String username, String displayName, Org org, String passwordHash, String role) {
        long id = users.size() + 1;
        User user = new User(id, username, passwordHash, displayName, username + "@example.org", org.id,
                anchorDate.minusYears(3).atTime(10, 0).plusMinutes(id));
        users.add(user);
        userRoles.add(new UserRole(id, role));
        return user;
    }

    // ---------------------------------------------------------------- standards

    private void buildStandards() {
        RandomGenerator rng = rng("standards", 0);
        // the first provincial standards cover the quantities, the most common first, so that even a
        // tiny province has a provincial standard for every quantity anything else is made for
        List<Q> coverage = new ArrayList<>(qs);
        coverage.sort((a, b) -> Integer.compare(b.spec.standardWeight(), a.spec.standardWeight()));
        int provincial = scaled(PROVINCIAL_STANDARDS, true);
        for (int i = 0; i < provincial; i++) {
            Q q = i < coverage.size() ? coverage.get(i) : pick(rng, qs, x -> x.spec.standardWeight());
            Std s = addStandard(rng, PROVINCIAL_PUBLIC, institute, q);
            if (q.provincial.isEmpty()) {
                s.keystone = true;
            }
            q.provincial.add(s);
        }
        List<Q> available = qs.stream().filter(q -> !q.provincial.isEmpty()).toList();
        List<Org> cities = new ArrayList<>(cityInstitutes.values());
        cities.sort((a, b) -> Long.compare(a.id, b.id));
        for (int i = 0, n = scaled(CITY_STANDARDS, true); i < n; i++) {
            Org owner = pick(rng, cities, o -> CITY_WEIGHT.get(o.region.code()));
            addStandard(rng, CITY_PUBLIC, owner, pickQuantity(rng, owner, available, q -> 1));
        }
        List<Org> counties = new ArrayList<>(countyInstitutes.values());
        counties.sort((a, b) -> Long.compare(a.id, b.id));
        for (int i = 0, n = scaled(COUNTY_STANDARDS, true); i < n; i++) {
            Org owner = counties.get(rng.nextInt(counties.size()));
            Org city = cityInstitutes.get(owner.city.code());
            // county standards are mostly of quantities their city can calibrate them in
            addStandard(rng, COUNTY_PUBLIC, owner, pickQuantity(rng, owner, available,
                    q -> standardsOf(city, q).isEmpty() ? 1 : 3));
        }
        for (int i = 0, n = scaled(DEPARTMENTAL_STANDARDS, false); i < n; i++) {
            Org owner = labs.get(rng.nextInt(labs.size()));
            addStandard(rng, DEPARTMENTAL, owner, pickQuantity(rng, owner, available, q -> 1));
        }
        List<Q> industrial = available.stream().filter(q -> q.discipline <= 3).toList();
        for (int i = 0, n = scaled(ENTERPRISE_STANDARDS, false); i < n; i++) {
            Org owner = enterprises.get(rng.nextInt(enterprises.size()));
            addStandard(rng, ENTERPRISE, owner, pick(rng, industrial.isEmpty() ? available : industrial,
                    q -> q.spec.standardWeight()));
        }
        lapseSomeCertificates(rng("lapses", 0));
        breakSomeChains(rng("gaps", 0));
        for (Std s : stds) {
            emitStandard(s);
        }
    }

    /** A quantity in the owner's scope, weighted by how common its standards are times {@code bias}. */
    private Q pickQuantity(RandomGenerator rng, Org owner, List<Q> available, ToIntFunction<Q> bias) {
        List<Q> inScope = available.stream().filter(q -> owner.scope[q.discipline]).toList();
        List<Q> from = inScope.isEmpty() ? available : inScope;
        return pick(rng, from, q -> q.spec.standardWeight() * bias.applyAsInt(q));
    }

    private Std addStandard(RandomGenerator rng, String level, Org owner, Q q) {
        long id = stds.size() + 1;
        Std s = new Std(id, level, owner, q);
        int seq = stdsByOwnerAndQuantity.computeIfAbsent(key(owner, q), k -> new ArrayList<>()).size() + 1;
        s.code = String.format(Locale.ROOT, "%s-%s-%03d", owner.code, q.spec.code(), seq);
        s.type = q.referenceTypes.get(rng.nextInt(q.referenceTypes.size()));
        double factor = switch (level) {
            case PROVINCIAL_PUBLIC -> uniform(rng, 0.85, 1.15);
            case CITY_PUBLIC -> uniform(rng, 1.8, 2.2);
            default -> uniform(rng, 3.4, 4.0);
        };
        s.relativeU = q.spec.relativeU() * factor;
        int youngestDays = switch (level) {
            case PROVINCIAL_PUBLIC -> 9 * 365;
            case CITY_PUBLIC -> 365;
            default -> 180;
        };
        int oldestDays = switch (level) {
            case PROVINCIAL_PUBLIC -> 30 * 365;
            case CITY_PUBLIC -> 25 * 365;
            default -> 20 * 365;
        };
        s.established = anchorDate.minusDays(youngestDays + rng.nextInt(oldestDays - youngestDays));
        s.history.add(new Change(ACTIVE, s.established, ESTABLISHED_REASON));
        // the first provincial standard of each quantity stays in service, so that every chain of
        // that quantity can always end somewhere
        boolean keystone = level.equals(PROVINCIAL_PUBLIC) && q.provincial.isEmpty();
        if (!keystone) {
            planStatus(rng, s);
        }
        planCertificates(rng, s);
        stdsByOwnerAndQuantity.get(key(owner, q)).add(s);
        stds.add(s);
        return s;
    }

    private void planStatus(RandomGenerator rng, Std s) {
        double p = rng.nextDouble();
        LocalDate latest = anchorDate.minusDays(20);
        if (p < 0.04) {
            LocalDate from = max(s.established.plusDays(180), windowStart);
            if (from.isBefore(latest)) {
                s.history.add(new Change(SUSPENDED, between(rng, from, latest), oneOf(rng, SUSPEND_REASONS)));
            }
        } else if (p < 0.07) {
            LocalDate from = max(s.established.plusDays(365), anchorDate.minusYears(3));
            LocalDate to = anchorDate.minusDays(30);
            if (from.isBefore(to)) {
                s.history.add(new Change(RETIRED, between(rng, from, to), oneOf(rng, RETIRE_REASONS)));
            }
        } else if (p < 0.10) {
            LocalDate from = max(s.established.plusDays(180), windowStart);
            LocalDate to = anchorDate.minusDays(150);
            if (from.isBefore(to)) {
                LocalDate suspended = between(rng, from, to);
                s.history.add(new Change(SUSPENDED, suspended, oneOf(rng, SUSPEND_REASONS)));
                s.history.add(new Change(ACTIVE, suspended.plusDays(30 + rng.nextInt(91)), REACTIVATED_REASON));
            }
        }
    }

    /** Four-year certificates from the day the standard was established, each renewed shortly before it expires. */
    private void planCertificates(RandomGenerator rng, Std s) {
        LocalDate issued = s.established;
        while (true) {
            LocalDate expires = issued.plusYears(4).minusDays(1);
            s.certificates.add(new Cert(issued, expires));
            if (!expires.isBefore(anchorDate)) {
                return;
            }
            LocalDate renewal = expires.minusDays(10 + rng.nextInt(81));
            if (!ACTIVE.equals(s.statusAt(renewal))) {
                // not renewed while out of service; a standard back in service is re-assessed first
                LocalDate back = s.reactivatedAfter(renewal);
                if (back == null || back.isAfter(anchorDate)) {
                    return;
                }
                renewal = back.minusDays(1 + rng.nextInt(10));
            }
            issued = renewal;
        }
    }

    /** About 2.5% of the standards in service let their certificate lapse within the last 18 months. */
    private void lapseSomeCertificates(RandomGenerator rng) {
        List<Std> candidates = new ArrayList<>();
        for (Std s : stds) {
            if (!s.keystone && s.history.size() == 1 && s.certificates.size() >= 2) {
                Cert previous = s.certificates.get(s.certificates.size() - 2);
                if (previous.expires.isBefore(anchorDate) && previous.expires.isAfter(anchorDate.minusDays(540))) {
                    candidates.add(s);
                }
            }
        }
        shuffle(candidates, rng);
        int lapsed = Math.min(candidates.size(), (int) Math.round(stds.size() * 0.025));
        for (Std s : candidates.subList(0, lapsed)) {
            s.certificates.remove(s.certificates.size() - 1);
            s.lapsed = true;
        }
    }

    private void breakSomeChains(RandomGenerator rng) {
        breakChains(rng, COUNTY_PUBLIC, GapKind.EXPIRED_LINK, Math.max(1, (int) Math.round(6 * scale)));
        breakChains(rng, CITY_PUBLIC, GapKind.MISSING_LINK, Math.max(1, (int) Math.round(3 * scale)));
        breakChains(rng, PROVINCIAL_PUBLIC, GapKind.EXPIRED_ROOT, Math.max(1, (int) Math.round(2 * scale)));
    }

    private void breakChains(RandomGenerator rng, String level, GapKind kind, int count) {
        List<Std> candidates = new ArrayList<>();
        for (Std s : stds) {
            if (s.level.equals(level) && !s.keystone && !s.lapsed && s.history.size() == 1
                    && s.established.isBefore(windowStart)) {
                candidates.add(s);
            }
        }
        shuffle(candidates, rng);
        // the first pick is, where there is one, a standard that no sound public standard of its region could stand
        // in for: its broken chain then leaves the demand it alone serves capable but not traceable
        candidates.stream().filter(this::withoutStandIn).findFirst().ifPresent(sole -> {
            candidates.remove(sole);
            candidates.add(0, sole);
        });
        for (Std s : candidates.subList(0, Math.min(count, candidates.size()))) {
            s.gap = kind;
            gaps.add(new DeliberateGap(s.code, level, kind));
        }
    }

    /**
     * Whether no other public standard of the same quantity in the region subtree of {@code s} (its county, its city
     * with the city's counties, or the province) that counts on the anchor date and is not flawed has an expanded
     * uncertainty (as stored, two significant digits) no larger than that of {@code s}: the standards of a quantity
     * share one range, so such a standard would serve every demand {@code s} serves.
     */
    private boolean withoutStandIn(Std s) {
        String prefix = new org.metrolims.db.reference.RegionCode(s.owner.region.code()).subtreePrefix();
        BigDecimal u = significant(s.relativeU * s.q.spec.rangeHigh(), 2);
        for (Std o : standardsOfQuantity(s.q)) {
            if (o != s && o.gap == null && isPublic(o) && o.owner.region.code().startsWith(prefix)
                    && o.usableForCustomersAt(anchorDate)
                    && significant(o.relativeU * o.q.spec.rangeHigh(), 2).compareTo(u) <= 0) {
                return false;
            }
        }
        return true;
    }

    private List<Std> standardsOfQuantity(Q q) {
        return stds.stream().filter(o -> o.q == q).toList();
    }

    private static boolean isPublic(Std s) {
        return s.level.equals(PROVINCIAL_PUBLIC) || s.level.equals(CITY_PUBLIC) || s.level.equals(COUNTY_PUBLIC);
    }

    private void emitStandard(Std s) {
        Q q = s.q;
        Division region = s.owner.region;
        BigDecimal u = significant(s.relativeU * q.spec.rangeHigh(), 2);
        String accuracyClass = null;
        if (!q.spec.accuracyClasses().isEmpty()) {
            accuracyClass = q.spec.accuracyClasses().get(switch (s.level) {
                case PROVINCIAL_PUBLIC -> 0;
                case CITY_PUBLIC -> 1;
                default -> 2;
            });
        }
        // half of the enterprise standards with a class system state only their class, as many do
        boolean classOnly = s.level.equals(ENTERPRISE) && accuracyClass != null && s.id % 2 == 0;
        String statusNow = s.history.get(s.history.size() - 1).status;
        standards.add(new Standard(s.id, s.code, s.type.spec.nameZh() + "标准装置",
                s.type.spec.nameEn() + " standard", q.discipline + 1L, q.id, s.level, s.owner.id,
                regionIds.get(region.code()), significant(q.spec.rangeLow(), 6), significant(q.spec.rangeHigh(), 6),
                q.spec.siUnit(), classOnly ? null : u, classOnly ? null : K2, accuracyClass, statusNow, s.established,
                s.established.atTime(9, 30)));
        for (Change c : s.history) {
            statuses.add(new StandardStatus(statuses.size() + 1L, s.id, c.status, c.from, c.reason,
                    c == s.history.get(0) ? "admin" : "officer", c.from.atTime(10, 0)));
        }
        for (Cert c : s.certificates) {
            certificates.add(new AssessmentCertificate(certificates.size() + 1L, s.id, certificateNo(s, c.issued),
                    c.issued, c.expires, issuer(s, c.issued)));
        }
    }

    private final Map<String, Integer> certificateSequence = new HashMap<>();

    /** Provincial and city public standards are assessed by the province, the others by their city. */
    private boolean assessedByProvince(Std s) {
        return s.level.equals(PROVINCIAL_PUBLIC) || s.level.equals(CITY_PUBLIC);
    }

    private String certificateNo(Std s, LocalDate issued) {
        String prefix = assessedByProvince(s) ? "闽" : CITY_ABBREVIATION.get(s.owner.city.code());
        String key = prefix + issued.getYear();
        int n = certificateSequence.merge(key, 1, Integer::sum);
        return String.format(Locale.ROOT, "[%d]%s量标证字第%04d号", issued.getYear(), prefix, n);
    }

    private String issuer(Std s, LocalDate issued) {
        String place = assessedByProvince(s) ? "福建省" : s.owner.city.nameZh();
        return place + (issued.isBefore(BUREAU_RENAMED) ? "质量技术监督局" : "市场监督管理局");
    }

    private List<Std> standardsOf(Org owner, Q q) {
        if (owner == null) {
            return List.of();
        }
        return stdsByOwnerAndQuantity.getOrDefault(key(owner, q), List.of());
    }

    private static long key(Org owner, Q q) {
        return owner.id * 1000 + q.index;
    }

    // ---------------------------------------------------------------- instruments and calibrations

    /**
     * Makes every instrument with its calibrations, points and reference links, and hands them to
     * {@code sink} a batch of about {@code batchSize} instruments at a time: first the equipment of
     * the standards, then the customers' instruments. Ids are assigned in that order. Calling it
     * again gives the same batches.
     */
    void forEachInstrumentBatch(int batchSize, Consumer<InstrumentBatch> sink) {
        Cursor cursor = new Cursor(batchSize, sink);
        for (Std s : stds) {
            equipmentOf(s, cursor);
        }
        List<Org> owners = new ArrayList<>(labs);
        owners.addAll(enterprises);
        List<Q> available = qs.stream().filter(q -> !q.provincial.isEmpty()).toList();
        for (int i = 0, n = scaled(CUSTOMER_INSTRUMENTS, true); i < n; i++) {
            customerInstrument(rng("customer-instrument", i), owners, available, cursor);
        }
        cursor.flush();
    }

    /** Collects rows until a batch is full; owns the running ids. */
    private static final class Cursor {
        final int batchSize;
        final Consumer<InstrumentBatch> sink;
        long instrumentId = 1;
        long calibrationId = 1;
        long pointId = 1;
        List<Instrument> instruments = new ArrayList<>();
        List<Calibration> calibrations = new ArrayList<>();
        List<ReferenceLink> references = new ArrayList<>();
        List<MeasurementPoint> points = new ArrayList<>();

        Cursor(int batchSize, Consumer<InstrumentBatch> sink) {
            this.batchSize = batchSize;
            this.sink = sink;
        }

        void instrumentDone() {
            if (instruments.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (!instruments.isEmpty()) {
                sink.accept(new InstrumentBatch(instruments, calibrations, references, points));
                instruments = new ArrayList<>();
                calibrations = new ArrayList<>();
                references = new ArrayList<>();
                points = new ArrayList<>();
            }
        }
    }

    private void equipmentOf(Std s, Cursor cursor) {
        RandomGenerator rng = rng("equipment", s.id);
        int items = 1 + (rng.nextInt(100) < 35 ? 0 : rng.nextInt(100) < 62 ? 1 : 2);
        List<T> types = new ArrayList<>(s.q.referenceTypes);
        types.remove(s.type);
        shuffle(types, rng);
        types.add(0, s.type);
        double high = s.q.spec.rangeHigh();
        BigDecimal mpe = significant(2 * s.relativeU * high, 2);
        String statusNow = s.history.get(s.history.size() - 1).status;
        for (int k = 0; k < items; k++) {
            T type = types.get(k % types.size());
            long id = cursor.instrumentId++;
            Maker maker = maker(rng, s.q);
            cursor.instruments.add(new Instrument(id, s.owner.id, type.id, s.id,
                    String.format(Locale.ROOT, "%s-S%05d-%d", s.owner.code, s.id, k + 1), maker.name(),
                    model(maker, type, rng), serial(maker, id), significant(s.q.spec.rangeLow(), 6),
                    significant(high, 6), s.q.spec.siUnit(), significant(mpe.doubleValue() / 5, 1), mpe,
                    "标准实验室" + (101 + rng.nextInt(420)) + " Standards laboratory", type.spec.intervalMonths(),
                    switch (statusNow) {
                        case SUSPENDED -> "OUT_OF_SERVICE";
                        case RETIRED -> "RETIRED";
                        default -> "IN_SERVICE";
                    }, s.established.atTime(9, 0)));
            equipmentCalibrations(rng, s, id, type, mpe, cursor);
            cursor.instrumentDone();
        }
    }

    /** The calibration series of one item of a standard's equipment, kept in calibration while the standard is active. */
    private void equipmentCalibrations(RandomGenerator rng, Std s, long instrumentId, T type, BigDecimal mpe,
            Cursor cursor) {
        int months = type.spec.intervalMonths();
        List<LocalDate> dates = new ArrayList<>();
        for (int h = 0; h < s.history.size(); h++) {
            Change c = s.history.get(h);
            if (!c.status.equals(ACTIVE)) {
                continue;
            }
            LocalDate end = h + 1 < s.history.size() ? s.history.get(h + 1).from : anchorDate.plusDays(1);
            LocalDate date;
            if (h == 0) {
                LocalDate covered = windowStart.minusMonths(leadMonths(s.level));
                LocalDate phaseStart = covered.minusMonths(months);
                date = covered.minusDays(rng.nextInt((int) ChronoUnit.DAYS.between(phaseStart, covered)));
                if (date.isBefore(s.established)) {
                    // equipment is calibrated before the assessment that establishes the standard
                    date = s.established.minusDays(1 + rng.nextInt(10));
                }
            } else {
                date = c.from.minusDays(1 + rng.nextInt(10));
            }
            while (date.isBefore(end) && !date.isAfter(anchorDate)) {
                dates.add(date);
                date = date.plusMonths(months).minusDays(rng.nextInt(21));
            }
        }
        if (s.gap == GapKind.EXPIRED_LINK || s.gap == GapKind.EXPIRED_ROOT) {
            LocalDate cutoff = anchorDate.minusDays(s.gap == GapKind.EXPIRED_LINK ? 21 : 45);
            dates.removeIf(d -> !d.plusMonths(months).isBefore(cutoff));
        }
        boolean external = s.level.equals(PROVINCIAL_PUBLIC);
        Nmi nmi = rng.nextInt(10) == 0 ? OTHER_NMIS.get(rng.nextInt(OTHER_NMIS.size())) : NIM_NMI;
        Std primary = null;
        for (LocalDate date : dates) {
            long id = cursor.calibrationId++;
            LocalDate validUntil = date.plusMonths(months);
            if (external) {
                LocalDateTime recorded = min(date.plusDays(7 + rng.nextInt(15)), anchorDate)
                        .atTime(10, 0).plusMinutes(rng.nextInt(300));
                cursor.calibrations.add(new Calibration(id, String.format(Locale.ROOT, "EXT-%d-%07d", date.getYear(), id),
                        instrumentId, s.owner.id, null, nmi.issuer(),
                        String.format(Locale.ROOT, "%s%d-%06d", nmi.certificatePrefix(), date.getYear(), id),
                        "CIPM MRA KCDB: " + nmi.shortName() + " CMC, " + s.q.spec.nameEn(), type.spec.procedure(),
                        date.minusDays(3 + rng.nextInt(13)), date, validUntil, null, null, null, recorded, APPROVED,
                        temperature(rng), humidity(rng), "NOT_APPLICABLE", "NOT_APPLICABLE", null, null, P95,
                        "NOT_STATED", recorded.minusMinutes(30)));
                int n = 3 + rng.nextInt(3);
                for (int p = 0; p < n; p++) {
                    BigDecimal nominal = nominal(s.q.spec.rangeLow(), s.q.spec.rangeHigh(), p, n);
                    BigDecimal u = positive(significant(s.relativeU * uniform(rng, 0.25, 0.6) * nominal.doubleValue(), 2));
                    BigDecimal error = significant(normal(rng) * 0.5 * u.doubleValue(), 2);
                    // an NMI certificate states values and uncertainties, no conformity
                    cursor.points.add(new MeasurementPoint(cursor.pointId++, id, p + 1, nominal, s.q.spec.siUnit(),
                            reading(nominal, error), error, error.negate(), halfOf(u), u, K2, P95, null, null,
                            "NOT_STATED", null, null, null, null, null, null, null, null));
                }
                continue;
            }
            if (primary == null || !primary.usableForChainAt(date)) {
                primary = chainReference(rng, s, date);
            }
            List<Std> references = new ArrayList<>(List.of(primary));
            if (rng.nextInt(10) == 0) {
                for (Std other : standardsOf(primary.owner, s.q)) {
                    if (other != primary && other.usableForChainAt(date)) {
                        references.add(other);
                        break;
                    }
                }
            }
            double referenceU = references.stream().mapToDouble(r -> r.relativeU).max().orElseThrow();
            Org performer = primary.owner;
            addCalibration(rng, cursor, id, instrumentId, s.owner, performer, type, date, validUntil, true, false,
                    mpe, referenceU, s.q.spec.rangeLow(), s.q.spec.rangeHigh(), s.q.spec.siUnit(), 3 + rng.nextInt(3),
                    uniform(rng, 1.1, 1.3));
            if (s.gap != GapKind.MISSING_LINK) {
                for (Std r : references) {
                    cursor.references.add(new ReferenceLink(id, r.id));
                }
            }
        }
    }

    /**
     * How long before the window a level's equipment must already be in calibration: a county
     * standard's first calibration (up to 24 months before the window) used a city standard, whose
     * own calibration then used a provincial one, and each of those must have been valid that day.
     */
    private static int leadMonths(String level) {
        return switch (level) {
            case PROVINCIAL_PUBLIC -> 48;
            case CITY_PUBLIC -> 24;
            default -> 0;
        };
    }

    /** The higher standard that calibrates the equipment of {@code s} on {@code date}. */
    private Std chainReference(RandomGenerator rng, Std s, LocalDate date) {
        List<Org> performers = new ArrayList<>();
        if (!s.level.equals(CITY_PUBLIC)) {
            Org city = cityInstitutes.get(s.owner.city.code());
            int preferCity = s.level.equals(COUNTY_PUBLIC) ? 75 : 60;
            if (rng.nextInt(100) < preferCity) {
                performers.add(city);
            }
        }
        performers.add(institute);
        for (Org performer : performers) {
            Std reference = pickWhere(rng, standardsOf(performer, s.q), r -> r != s && r.usableForChainAt(date));
            if (reference != null) {
                return reference;
            }
        }
        throw new IllegalStateException("No standard can calibrate the equipment of " + s.code + " on " + date);
    }

    private void customerInstrument(RandomGenerator rng, List<Org> owners, List<Q> available, Cursor cursor) {
        Org owner = owners.get(rng.nextInt(owners.size()));
        List<Q> inScope = available.stream().filter(q -> owner.scope[q.discipline]).toList();
        Q q = !inScope.isEmpty() && rng.nextInt(10) < 7
                ? pick(rng, inScope, x -> x.spec.customerWeight())
                : pick(rng, available, x -> x.spec.customerWeight());
        T type = q.customerTypes.get(rng.nextInt(q.customerTypes.size()));
        double low = type.spec.rangeLow();
        double high = low + (type.spec.rangeHigh() - low) * new double[] {0.5, 1, 1, 1, 2}[rng.nextInt(5)];
        // no instrument is so good that the province's standards could not calibrate it
        BigDecimal mpe = significant(Math.max(type.spec.mpeRelative(), 14 * q.spec.relativeU()) * high, 2);
        int months = type.spec.intervalMonths();
        int status = rng.nextInt(100);
        String instrumentStatus = status < 94 ? "IN_SERVICE" : status < 97 ? "OUT_OF_SERVICE" : "RETIRED";

        List<LocalDate> dates = new ArrayList<>();
        LocalDate date = windowStart.plusDays(rng.nextInt((int) ChronoUnit.DAYS.between(windowStart,
                windowStart.plusMonths(months))));
        // retired and out-of-service instruments, and 3% that their owners stopped sending, stop early
        LocalDate stop = !instrumentStatus.equals("IN_SERVICE") || rng.nextInt(100) < 3
                ? between(rng, windowStart, anchorDate)
                : anchorDate;
        while (!date.isAfter(stop)) {
            dates.add(date);
            date = date.plusMonths(months).plusDays(15 - rng.nextInt(36));
        }
        long instrumentId = cursor.instrumentId++;
        Maker maker = maker(rng, q);
        LocalDate registered = (dates.isEmpty() ? windowStart : dates.get(0)).minusDays(30 + rng.nextInt(300));
        boolean lab = owner.kind.equals("ACCREDITED_LAB");
        cursor.instruments.add(new Instrument(instrumentId, owner.id, type.id, null,
                String.format(Locale.ROOT, "%s-%06d", owner.code, instrumentId), maker.name(), model(maker, type, rng),
                serial(maker, instrumentId), significant(low, 6), significant(high, 6), q.spec.siUnit(),
                significant(mpe.doubleValue() / 5, 1), mpe,
                lab ? "检测室" + (201 + rng.nextInt(30)) + " Testing room" : "生产车间" + (1 + rng.nextInt(8)) + " Workshop",
                rng.nextInt(10) < 3 ? null : months, instrumentStatus, registered.atTime(10, 0)));

        List<Org> chain = institutesServing(owner);
        int preferred = chain.size() == 3
                ? pickIndex(rng, new int[] {50, 30, 20})
                : pickIndex(rng, new int[] {70, 30});
        Std standard = null;
        for (LocalDate d : dates) {
            if (standard == null || !standard.usableForCustomersAt(d)) {
                standard = customerReference(rng, q, chain, preferred, d);
            }
            long id = cursor.calibrationId++;
            boolean recent = d.isAfter(anchorDate.minusDays(14));
            addCalibration(rng, cursor, id, instrumentId, owner, standard.owner, type, d, d.plusMonths(months),
                    !recent || rng.nextInt(10) >= 4, true, mpe, standard.relativeU, low, high, q.spec.siUnit(),
                    pickIndex(rng, new int[] {10, 15, 30, 20, 25}) + 1, uniform(rng, 1.1, 1.6));
            cursor.references.add(new ReferenceLink(id, standard.id));
        }
        cursor.instrumentDone();
    }

    /** The owner's county institute (if any), its city's institute and FJIM, nearest first. */
    private List<Org> institutesServing(Org owner) {
        List<Org> chain = new ArrayList<>();
        Org county = countyInstitutes.get(owner.region.code());
        if (county != null) {
            chain.add(county);
        }
        chain.add(cityInstitutes.get(owner.city.code()));
        chain.add(institute);
        return chain;
    }

    private Std customerReference(RandomGenerator rng, Q q, List<Org> chain, int preferred, LocalDate date) {
        for (int i = preferred; i < chain.size(); i++) {
            Std reference = pickWhere(rng, standardsOf(chain.get(i), q), r -> r.usableForCustomersAt(date));
            if (reference != null) {
                return reference;
            }
        }
        throw new IllegalStateException("No institute can calibrate " + q.spec.code() + " on " + date);
    }

    /**
     * One calibration by an institute of the province with its points.
     *
     * @param approved   whether it went through review; the others are recent drafts and submissions
     * @param mayDrift   whether the instrument may be found out of tolerance (customers' instruments)
     * @param referenceU the largest relative uncertainty among the reference standards used
     * @param uFactor    how much the calibration adds to the reference's uncertainty
     */
    private void addCalibration(RandomGenerator rng, Cursor cursor, long id, long instrumentId, Org customer,
            Org performer, T type, LocalDate date, LocalDate validUntil, boolean approved, boolean mayDrift,
            BigDecimal mpe,
            double referenceU, double low, double high, String unit, int pointCount, double uFactor) {
        boolean swap = rng.nextInt(100) < 15;
        long technician = performer.technicians[swap ? 1 : 0];
        long reviewer = performer.technicians[swap ? 0 : 1];
        boolean draft = !approved && rng.nextBoolean();
        int ruleDraw = rng.nextInt(100);
        DecisionRule rule = ruleDraw < 85 ? SIMPLE_ACCEPTANCE : ruleDraw < 95 ? GUARDED_ACCEPTANCE : NON_BINARY_GUARD_BAND;
        BigDecimal multiplier = BigDecimal.valueOf(rule.multiplier()).setScale(4, RoundingMode.HALF_EVEN);
        boolean drifted = mayDrift && rng.nextInt(100) < 5;
        // recent work was logged in MetroLIMS with its readings; older results came over with mean and U only
        boolean measuredHere = date.isAfter(anchorDate.minusDays(READINGS_DAYS));
        double tolerance = mpe.doubleValue();
        String overall = "PASS";
        for (int p = 0; p < pointCount; p++) {
            BigDecimal nominal = nominal(low, high, p, pointCount);
            BigDecimal u = positive(significant(referenceU * uFactor * nominal.doubleValue(), 2));
            double e = drifted && p == pointCount - 1
                    ? (rng.nextBoolean() ? 1 : -1) * uniform(rng, 0.9, 1.5) * tolerance
                    : Math.max(-0.8, Math.min(0.8, normal(rng) * 0.2)) * tolerance;
            BigDecimal error = significant(e, 2);
            BigDecimal reading = reading(nominal, error);
            // decided by the application's own rules, so the demo's verdicts are the ones it would give
            Decision decision = rule.decide(reading.doubleValue(), u.doubleValue(), K2.doubleValue(),
                    ToleranceInterval.symmetric(nominal.doubleValue(), tolerance));
            String conformity = switch (decision.verdict()) {
                case PASS -> "PASS";
                case FAIL -> "FAIL";
                case CONDITIONAL_PASS, CONDITIONAL_FAIL -> "INDETERMINATE";
            };
            if (conformity.equals("FAIL") || (conformity.equals("INDETERMINATE") && overall.equals("PASS"))) {
                overall = conformity;
            }
            BigDecimal guardBand = rule == SIMPLE_ACCEPTANCE ? BigDecimal.ZERO : u;
            cursor.points.add(new MeasurementPoint(cursor.pointId++, id, p + 1, nominal, unit, reading, error,
                    error.negate(), halfOf(u), u, K2, P95, mpe, unit, conformity, rule.code().name(), multiplier,
                    guardBand, twelveDecimals(nominal.subtract(mpe).add(guardBand)),
                    twelveDecimals(nominal.add(mpe).subtract(guardBand)),
                    new BigDecimal(decision.conformanceProbability()).setScale(12, RoundingMode.HALF_EVEN),
                    decision.verdict().name(), measuredHere ? measured(cursor.pointId - 1, reading, u) : null));
        }
        String asFound = overall.equals("FAIL") ? "OUT_OF_TOLERANCE" : "IN_TOLERANCE";
        String asLeft = overall.equals("FAIL") && rng.nextInt(10) < 3 ? "OUT_OF_TOLERANCE" : "IN_TOLERANCE";
        // the working day: entered from 07:30, submitted from 08:00, reviewed and approved from 09:00
        LocalDateTime created = date.atTime(7, 30).plusMinutes(rng.nextInt(30));
        LocalDateTime submitted = draft ? null : date.atTime(8, 0).plusMinutes(rng.nextInt(60));
        LocalDateTime approvedAt = approved
                ? min(date.plusDays(rng.nextInt(4)), anchorDate).atTime(9, 0).plusMinutes(rng.nextInt(540))
                : null;
        cursor.calibrations.add(new Calibration(id,
                String.format(Locale.ROOT, "%s-%d-%07d", performer.code, date.getYear(), id), instrumentId,
                customer.id, performer.id, null, null, null, type.spec.procedure(), date.minusDays(rng.nextInt(7)),
                date, approved ? validUntil : null, technician, submitted, draft ? null : reviewer, approvedAt,
                approved ? APPROVED : draft ? "DRAFT" : "SUBMITTED", temperature(rng), humidity(rng), asFound, asLeft,
                rule.code().name(), multiplier, P95, overall, created));
    }

    /**
     * The readings and budget of a point measured here, built so that the application's own evaluation
     * ({@link UncertaintyBudget}, JCGM 100) gives back exactly the point's stated U with k = 2: five readings
     * symmetric about the mean (so the stored mean is their mean), a repeatability of 1–3 % of u_c, and the reference
     * standard's calibration (normal, k = 2) carrying the rest. With so small a Type A share ν_eff is in the millions
     * and k rounds to 2.000; a point where rounding would not give U back keeps mean and U only. Drawn from its own
     * generator, so that the rest of the province is the same with or without readings.
     */
    private Measured measured(long pointId, BigDecimal mean, BigDecimal expanded) {
        RandomGenerator rng = rng("readings", pointId);
        double uc = expanded.doubleValue() / 2;
        double targetS = uniform(rng, 0.01, 0.03) * uc * Math.sqrt(READINGS);
        // deviations ±a, ±b, 0: s² = (a² + b²) / 2 with b = ra, at the stored scale
        double ratio = uniform(rng, 0.2, 0.8);
        BigDecimal a = significant(targetS * Math.sqrt(2 / (1 + ratio * ratio)), 2);
        BigDecimal b = twelveDecimals(significant(a.doubleValue() * ratio, 2));
        a = twelveDecimals(a);
        List<BigDecimal> readings = List.of(mean.add(a), mean.subtract(b), mean, mean.add(b), mean.subtract(a));
        UncertaintyComponent typeA = UncertaintyComponent.typeA(REPEATABILITY,
                readings.stream().mapToDouble(BigDecimal::doubleValue).toArray());
        double uRef = Math.sqrt(uc * uc - typeA.standardUncertainty() * typeA.standardUncertainty());
        BigDecimal referenceU = twelveDecimals(new BigDecimal(2 * uRef).round(new MathContext(12)));
        if (!(uRef > 0) || referenceU.signum() <= 0) {
            return null;
        }
        EvaluatedUncertainty evaluated = new UncertaintyBudget(List.of(typeA,
                UncertaintyComponent.normal(REFERENCE, referenceU.doubleValue(), 2)), List.of(), P95.doubleValue())
                .evaluate();
        BigDecimal k = BigDecimal.valueOf(evaluated.coverageFactor()).setScale(3, RoundingMode.HALF_UP);
        if (k.compareTo(K2) != 0 || evaluated.report(mean.doubleValue()).expandedUncertainty().compareTo(expanded) != 0) {
            return null;
        }
        List<BudgetRow> budget = new ArrayList<>();
        for (int i = 0; i < evaluated.lines().size(); i++) {
            BudgetLine line = evaluated.lines().get(i);
            budget.add(new BudgetRow(i + 1, line.name(), line.type().name(),
                    line.distribution() == null ? null : line.distribution().code(), i == 0 ? null : referenceU,
                    i == 0 ? null : K2, decimal12(line.standardUncertainty()), dof(line.degreesOfFreedom()),
                    decimal12(line.contribution())));
        }
        return new Measured(readings, decimal12(typeA.typeA().standardDeviation()),
                dof(evaluated.effectiveDegreesOfFreedom()), budget);
    }

    private static BigDecimal decimal12(double v) {
        return new BigDecimal(v).setScale(12, RoundingMode.HALF_UP);
    }

    /** ν as stored (three decimals), null for infinite or beyond what the column holds. */
    private static BigDecimal dof(double nu) {
        return Double.isFinite(nu) && nu < 1e12 ? new BigDecimal(nu).setScale(3, RoundingMode.HALF_UP) : null;
    }

    // ---------------------------------------------------------------- small helpers

    private RandomGenerator rng(String section, long index) {
        return new SplittableRandom(mix(seed ^ mix(section.hashCode() * 0x9E3779B97F4A7C15L + index)));
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole range of seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** A standard normal deviate by the Irwin–Hall sum of four uniforms: plain arithmetic, the same on every JVM. */
    private static double normal(RandomGenerator rng) {
        return (rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 2) * 1.7320508075688772;
    }

    private static int pickIndex(RandomGenerator rng, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static <E> E pick(RandomGenerator rng, List<E> items, ToIntFunction<E> weight) {
        int[] weights = new int[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight.applyAsInt(items.get(i));
        }
        return items.get(pickIndex(rng, weights));
    }

    /**
     * A random element that passes {@code test}, or null. A few random tries first, the full list
     * only when they miss: at scale 100 an institute has thousands of standards of one quantity.
     */
    private static <E> E pickWhere(RandomGenerator rng, List<E> items, Predicate<E> test) {
        if (items.isEmpty()) {
            return null;
        }
        for (int i = 0; i < 4; i++) {
            E candidate = items.get(rng.nextInt(items.size()));
            if (test.test(candidate)) {
                return candidate;
            }
        }
        List<E> passing = items.stream().filter(test).toList();
        return passing.isEmpty() ? null : passing.get(rng.nextInt(passing.size()));
    }

    private static <E> void shuffle(List<E> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    private static <E> E oneOf(RandomGenerator rng, List<E> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private static LocalDate between(RandomGenerator rng, LocalDate from, LocalDate to) {
        return from.plusDays(rng.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** {@code v} to {@code digits} significant digits, at most the twelve decimals the schema keeps. */
    static BigDecimal significant(double v, int digits) {
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (b.scale() > 12) {
            b = b.setScale(12, RoundingMode.HALF_EVEN);
        }
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    /** Refuses an uncertainty that the schema's twelve decimals would store as zero. */
    private static BigDecimal positive(BigDecimal u) {
        if (u.signum() <= 0) {
            throw new IllegalStateException("An expanded uncertainty rounded to zero; the catalogue's numbers are off");
        }
        return u;
    }

    /** The {@code p}-th of {@code n} points spread over the range, never at its lower end (often zero). */
    private static BigDecimal nominal(double low, double high, int p, int n) {
        return significant(low + (high - low) * (p + 1.0) / n, 3);
    }

    private static BigDecimal reading(BigDecimal nominal, BigDecimal error) {
        return twelveDecimals(nominal.add(error));
    }

    /** The standard uncertainty u = U / k of a point stated with k = 2. */
    private static BigDecimal halfOf(BigDecimal u) {
        return twelveDecimals(u.divide(BigDecimal.TWO));
    }

    private static BigDecimal twelveDecimals(BigDecimal v) {
        return v.scale() > 12 ? v.setScale(12, RoundingMode.HALF_EVEN) : v;
    }

    private static BigDecimal temperature(RandomGenerator rng) {
        return BigDecimal.valueOf(1800 + rng.nextInt(401), 2);
    }

    private static BigDecimal humidity(RandomGenerator rng) {
        return BigDecimal.valueOf(400 + rng.nextInt(301), 1);
    }

    private static Maker maker(RandomGenerator rng, Q q) {
        List<Maker> makers = MetrologyCatalogue.MAKERS.get(q.discipline);
        return makers.get(rng.nextInt(makers.size()));
    }

    private static String model(Maker maker, T type, RandomGenerator rng) {
        return String.format(Locale.ROOT, "%s-%d", maker.code(), 100 + (type.index * 37 + rng.nextInt(3) * 311) % 900);
    }

    /** A serial number unique for every instrument id below 10^8: 2654435761 is prime to 10^8. */
    private static String serial(Maker maker, long instrumentId) {
        return String.format(Locale.ROOT, "%s%08d", maker.code(), Math.floorMod(instrumentId * 2654435761L, 100_000_000L));
    }

    // ---------------------------------------------------------------- the generator's model

    private static final class Q {
        final int index;
        final long id;
        final QuantitySpec spec;
        final int discipline;
        final List<T> referenceTypes = new ArrayList<>();
        final List<T> customerTypes = new ArrayList<>();
        final List<Std> provincial = new ArrayList<>();

        Q(int index, long id, QuantitySpec spec, int discipline) {
            this.index = index;
            this.id = id;
            this.spec = spec;
            this.discipline = discipline;
        }
    }

    private record T(long id, int index, TypeSpec spec, Q quantity) {}

    private static final class Org {
        final long id;
        final String code;
        final String kind;
        final Division region;
        final boolean[] scope = new boolean[MetrologyCatalogue.DISCIPLINES.size()];
        Division city;
        long[] technicians;

        Org(long id, String code, String kind, Division region) {
            this.id = id;
            this.code = code;
            this.kind = kind;
            this.region = region;
        }
    }

    private record Change(String status, LocalDate from, String reason) {}

    private record Cert(LocalDate issued, LocalDate expires) {}

    private static final class Std {
        final long id;
        final String level;
        final Org owner;
        final Q q;
        final List<Change> history = new ArrayList<>();
        final List<Cert> certificates = new ArrayList<>();
        String code;
        T type;
        double relativeU;
        LocalDate established;
        /** the first provincial standard of its quantity: always in service, never flawed */
        boolean keystone;
        boolean lapsed;
        GapKind gap;

        Std(long id, String level, Org owner, Q q) {
            this.id = id;
            this.level = level;
            this.owner = owner;
            this.q = q;
        }

        String statusAt(LocalDate date) {
            String status = null;
            for (Change c : history) {
                if (!c.from.isAfter(date)) {
                    status = c.status;
                }
            }
            return status;
        }

        LocalDate reactivatedAfter(LocalDate date) {
            for (Change c : history) {
                if (c.from.isAfter(date) && c.status.equals(ACTIVE)) {
                    return c.from;
                }
            }
            return null;
        }

        boolean certifiedAt(LocalDate date) {
            for (Cert c : certificates) {
                if (!c.issued.isAfter(date) && !c.expires.isBefore(date)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether an institute may use it for a customer's instrument on that day. */
        boolean usableForCustomersAt(LocalDate date) {
            return ACTIVE.equals(statusAt(date)) && certifiedAt(date);
        }

        /** Whether it may stand in another standard's chain on that day; flawed ones never do. */
        boolean usableForChainAt(LocalDate date) {
            return gap == null && usableForCustomersAt(date);
        }
    }
}

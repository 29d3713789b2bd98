-- Verification schemes (国家计量检定系统表): per quantity, the ordered levels from the national primary standard
-- down to working instruments, each with the band of expanded uncertainty (k = 2) that belongs there.
--
-- A band is RELATIVE (U over the upper end of the standard's range, dimensionless) or ABSOLUTE (U in the band's
-- unit, compared after unit conversion). Bands are half-open, (u_low, u_high]: an uncertainty exactly on a level's
-- upper limit belongs to that level ("U <= limit" as the schemes state it); the top level has u_low = 0.
-- A level may also name the accuracy class (等级, e.g. E2, 0.02级) by which a standard claims it.
--
-- The seeded schemes are reference data: the scheme codes are those of the JJG 20xx verification scheme tables as
-- commonly cited, the levels follow their structure, and the bands are representative values for a province's
-- hierarchy (not a legal transcription; check against the edition in force before relying on a boundary).
CREATE TABLE verification_scheme (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(48)  NOT NULL,
    name_zh       VARCHAR(200) NOT NULL,
    name_en       VARCHAR(200) NOT NULL,
    -- matched to quantity.code (quantities are reference data loaded after the migrations)
    quantity_code VARCHAR(48)  NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_verification_scheme_code UNIQUE (code),
    CONSTRAINT uk_verification_scheme_quantity UNIQUE (quantity_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE verification_scheme_level (
    id             BIGINT          NOT NULL AUTO_INCREMENT,
    scheme_id      BIGINT          NOT NULL,
    -- 1 for the national primary standard, growing downwards
    tier           INT             NOT NULL,
    code           VARCHAR(32)     NOT NULL,
    name_zh        VARCHAR(200)    NOT NULL,
    name_en        VARCHAR(200)    NOT NULL,
    band_kind      VARCHAR(16)     NOT NULL,
    u_low          DECIMAL(38, 12) NOT NULL,
    u_high         DECIMAL(38, 12) NOT NULL,
    unit           VARCHAR(32)     NULL,
    accuracy_class VARCHAR(48)     NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_scheme_level_scheme FOREIGN KEY (scheme_id) REFERENCES verification_scheme (id),
    CONSTRAINT uk_scheme_level_tier UNIQUE (scheme_id, tier),
    CONSTRAINT uk_scheme_level_code UNIQUE (scheme_id, code),
    CONSTRAINT ck_scheme_level_kind CHECK (band_kind IN ('RELATIVE', 'ABSOLUTE')),
    CONSTRAINT ck_scheme_level_band CHECK (u_low >= 0 AND u_low < u_high),
    CONSTRAINT ck_scheme_level_unit CHECK (band_kind = 'RELATIVE' OR unit IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The level a standard's owner claims for it (in its assessment file), where it differs from what its accuracy
-- class says or it has no class. At most one claim per standard.
CREATE TABLE standard_scheme_claim (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    standard_id BIGINT       NOT NULL,
    level_id    BIGINT       NOT NULL,
    source      VARCHAR(300) NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_scheme_claim_standard UNIQUE (standard_id),
    CONSTRAINT fk_scheme_claim_standard FOREIGN KEY (standard_id) REFERENCES measurement_standard (id),
    CONSTRAINT fk_scheme_claim_level FOREIGN KEY (level_id) REFERENCES verification_scheme_level (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO verification_scheme (code, name_zh, name_en, quantity_code) VALUES
    ('JJG 2053-2016', '质量计量器具检定系统表', 'Verification scheme for mass measuring instruments', 'MASS'),
    ('JJG 2056-1990', '长度计量器具（量块部分）检定系统表',
        'Verification scheme for length measuring instruments (gauge blocks)', 'LENGTH'),
    ('JJG 2062-1990', '温度计量器具检定系统表（铂电阻温度计部分）',
        'Verification scheme for temperature measuring instruments (platinum resistance thermometers)',
        'TEMPERATURE'),
    ('JJG 2023-1989', '压力计量器具检定系统表', 'Verification scheme for pressure measuring instruments',
        'PRESSURE'),
    ('JJG 2045-1990', '力值（≤1 MN）计量器具检定系统表',
        'Verification scheme for force measuring instruments (up to 1 MN)', 'FORCE'),
    ('JJG 2085-1990', '直流电动势计量器具检定系统表',
        'Verification scheme for DC electromotive force (voltage) measuring instruments', 'DC_VOLTAGE'),
    ('JJG 2089-1990', '直流电阻计量器具检定系统表', 'Verification scheme for DC resistance measuring instruments',
        'RESISTANCE');

-- mass: relative bands (U over the nominal value at the top of the range), OIML R111 classes
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'RELATIVE', l.u_low, l.u_high, NULL, l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '国家千克基准' AS name_zh, 'National primary kilogram' AS name_en,
             0 AS u_low, 0.00000005 AS u_high, NULL AS accuracy_class
      UNION ALL SELECT 2, 'E1', 'E1等级砝码', 'Class E1 weights', 0.00000005, 0.0000004, 'E1'
      UNION ALL SELECT 3, 'E2', 'E2等级砝码', 'Class E2 weights', 0.0000004, 0.0000008, 'E2'
      UNION ALL SELECT 4, 'F1', 'F1等级砝码', 'Class F1 weights', 0.0000008, 0.0000025, 'F1'
      UNION ALL SELECT 5, 'F2', 'F2等级砝码', 'Class F2 weights', 0.0000025, 0.000008, 'F2'
      UNION ALL SELECT 6, 'M1', 'M1等级砝码', 'Class M1 weights', 0.000008, 0.000025, 'M1'
      UNION ALL SELECT 7, 'WORKING', '工作计量器具（衡器等）', 'Working instruments (weighing instruments)',
                       0.000025, 0.01, NULL) l
WHERE s.code = 'JJG 2053-2016';

-- gauge blocks: absolute bands in micrometres at the top of the range (1 m)
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'ABSOLUTE', l.u_low, l.u_high, 'µm', l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '国家长度基准（激光波长）' AS name_zh,
             'National primary length standard (laser wavelength)' AS name_en, 0 AS u_low, 0.05 AS u_high,
             NULL AS accuracy_class
      UNION ALL SELECT 2, 'GRADE_1', '一等量块', 'Grade 1 gauge blocks', 0.05, 0.3, '1等'
      UNION ALL SELECT 3, 'GRADE_2', '二等量块', 'Grade 2 gauge blocks', 0.3, 0.7, '2等'
      UNION ALL SELECT 4, 'GRADE_3', '三等量块', 'Grade 3 gauge blocks', 0.7, 1.4, '3等'
      UNION ALL SELECT 5, 'GRADE_4', '四等量块', 'Grade 4 gauge blocks', 1.4, 3.0, '4等'
      UNION ALL SELECT 6, 'GRADE_5', '五等量块', 'Grade 5 gauge blocks', 3.0, 7.0, '5等'
      UNION ALL SELECT 7, 'WORKING', '工作计量器具', 'Working instruments', 7.0, 1000, NULL) l
WHERE s.code = 'JJG 2056-1990';

-- temperature: absolute bands in millikelvin
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'ABSOLUTE', l.u_low, l.u_high, 'mK', l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '国家温度基准（ITS-90 固定点）' AS name_zh,
             'National primary temperature standard (ITS-90 fixed points)' AS name_en, 0 AS u_low, 2 AS u_high,
             NULL AS accuracy_class
      UNION ALL SELECT 2, 'GRADE_1', '一等标准铂电阻温度计', 'Grade 1 standard platinum resistance thermometers',
                       2, 20, '一等'
      UNION ALL SELECT 3, 'GRADE_2', '二等标准铂电阻温度计', 'Grade 2 standard platinum resistance thermometers',
                       20, 40, '二等'
      UNION ALL SELECT 4, 'WORKING_STANDARD', '工作用标准温度计及恒温槽',
                       'Working standard thermometers and baths', 40, 100, NULL
      UNION ALL SELECT 5, 'WORKING', '工作用温度计', 'Working thermometers', 100, 5000, NULL) l
WHERE s.code = 'JJG 2062-1990';

-- pressure: relative bands at the top of the range, piston gauge accuracy classes
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'RELATIVE', l.u_low, l.u_high, NULL, l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '国家压力基准（活塞式压力计）' AS name_zh,
             'National primary pressure standard (piston gauges)' AS name_en, 0 AS u_low, 0.000015 AS u_high,
             NULL AS accuracy_class
      UNION ALL SELECT 2, 'GRADE_1', '一等活塞式压力计', 'Grade 1 piston gauges', 0.000015, 0.00007, '0.005级'
      UNION ALL SELECT 3, 'GRADE_2', '二等活塞式压力计', 'Grade 2 piston gauges', 0.00007, 0.00015, '0.02级'
      UNION ALL SELECT 4, 'GRADE_3', '三等活塞式压力计', 'Grade 3 piston gauges', 0.00015, 0.0004, '0.05级'
      UNION ALL SELECT 5, 'PRECISION', '精密压力表、数字压力计', 'Precision and digital pressure gauges',
                       0.0004, 0.004, NULL
      UNION ALL SELECT 6, 'WORKING', '一般压力表', 'Working pressure gauges', 0.004, 0.04, NULL) l
WHERE s.code = 'JJG 2023-1989';

-- force: relative bands at the top of the range
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'RELATIVE', l.u_low, l.u_high, NULL, l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '国家力值基准（静重式基准机）' AS name_zh,
             'National primary force standard (deadweight machine)' AS name_en, 0 AS u_low, 0.00002 AS u_high,
             NULL AS accuracy_class
      UNION ALL SELECT 2, 'GRADE_1', '0.03级标准测力仪', 'Class 0.03 force proving instruments', 0.00002, 0.00015,
                       '0.03级'
      UNION ALL SELECT 3, 'GRADE_2', '0.1级标准测力仪', 'Class 0.1 force proving instruments', 0.00015, 0.0003,
                       '0.1级'
      UNION ALL SELECT 4, 'GRADE_3', '0.3级标准测力仪', 'Class 0.3 force proving instruments', 0.0003, 0.001,
                       '0.3级'
      UNION ALL SELECT 5, 'WORKING', '试验机、测力计', 'Testing machines and force gauges', 0.001, 0.05, NULL) l
WHERE s.code = 'JJG 2045-1990';

-- DC voltage: relative bands at the top of the range
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'RELATIVE', l.u_low, l.u_high, NULL, l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '约瑟夫森电压基准' AS name_zh,
             'Josephson voltage primary standard' AS name_en, 0 AS u_low, 0.0000001 AS u_high,
             NULL AS accuracy_class
      UNION ALL SELECT 2, 'GRADE_1', '一等直流电压标准', 'Grade 1 DC voltage standards', 0.0000001, 0.000003, NULL
      UNION ALL SELECT 3, 'GRADE_2', '二等直流电压标准', 'Grade 2 DC voltage standards', 0.000003, 0.000006, NULL
      UNION ALL SELECT 4, 'WORKING_STANDARD', '工作标准（多功能标准源）', 'Working standards (multifunction calibrators)',
                       0.000006, 0.00002, NULL
      UNION ALL SELECT 5, 'WORKING', '工作计量器具（数字多用表等）', 'Working instruments (multimeters)',
                       0.00002, 0.01, NULL) l
WHERE s.code = 'JJG 2085-1990';

-- DC resistance: relative bands at the top of the range
INSERT INTO verification_scheme_level (scheme_id, tier, code, name_zh, name_en, band_kind, u_low, u_high, unit,
                                       accuracy_class)
SELECT s.id, l.tier, l.code, l.name_zh, l.name_en, 'RELATIVE', l.u_low, l.u_high, NULL, l.accuracy_class
FROM verification_scheme s
JOIN (SELECT 1 AS tier, 'PRIMARY' AS code, '量子化霍尔电阻基准' AS name_zh,
             'Quantum Hall resistance primary standard' AS name_en, 0 AS u_low, 0.0000002 AS u_high,
             NULL AS accuracy_class
      UNION ALL SELECT 2, 'GRADE_1', '一等标准电阻', 'Grade 1 standard resistors', 0.0000002, 0.000007, NULL
      UNION ALL SELECT 3, 'GRADE_2', '二等标准电阻', 'Grade 2 standard resistors', 0.000007, 0.000014, NULL
      UNION ALL SELECT 4, 'GRADE_3', '三等标准电阻', 'Grade 3 standard resistors', 0.000014, 0.00005, NULL
      UNION ALL SELECT 5, 'WORKING', '工作计量器具（电阻箱、电阻表）', 'Working instruments (resistance boxes, meters)',
                       0.00005, 0.2, NULL) l
WHERE s.code = 'JJG 2089-1990';

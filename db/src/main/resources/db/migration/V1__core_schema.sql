-- MetroLIMS core schema (MariaDB 11.4, InnoDB, utf8mb4).
-- Enumerations are VARCHAR + CHECK rather than ENUM so that later migrations add a value
-- without rewriting the table; the Java side maps them to enums.
-- Records are evidence (ISO/IEC 17025 7.11): rows that describe what happened are never
-- updated in place where history matters; the history tables below carry it.

-- GB/T 2260 administrative divisions: province -> city -> county.
CREATE TABLE region (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    code      CHAR(6)      NOT NULL,
    name_zh   VARCHAR(100) NOT NULL,
    name_en   VARCHAR(100) NOT NULL,
    level     VARCHAR(16)  NOT NULL,
    parent_id BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_region_code UNIQUE (code),
    CONSTRAINT fk_region_parent FOREIGN KEY (parent_id) REFERENCES region (id),
    CONSTRAINT ck_region_level CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY')),
    CONSTRAINT ck_region_code CHECK (code REGEXP '^[1-9][0-9]{5}$'),
    CONSTRAINT ck_region_parent CHECK ((level = 'PROVINCE') = (parent_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The ten metrology disciplines (计量专业) and the quantities measured in each.
CREATE TABLE discipline (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code       VARCHAR(32)  NOT NULL,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_discipline_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quantity (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    discipline_id BIGINT       NOT NULL,
    code          VARCHAR(48)  NOT NULL,
    name_zh       VARCHAR(100) NOT NULL,
    name_en       VARCHAR(100) NOT NULL,
    -- the coherent SI unit as a JSR 385 / UCUM-style symbol (m, kg, K, Pa, V, Hz, ...)
    si_unit       VARCHAR(32)  NOT NULL,
    si_unit_name  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_quantity_code UNIQUE (code),
    CONSTRAINT fk_quantity_discipline FOREIGN KEY (discipline_id) REFERENCES discipline (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Bureaus, metrology institutes, accredited labs and enterprises.
CREATE TABLE organization (
    id                        BIGINT       NOT NULL AUTO_INCREMENT,
    code                      VARCHAR(32)  NOT NULL,
    name_zh                   VARCHAR(200) NOT NULL,
    name_en                   VARCHAR(200) NOT NULL,
    kind                      VARCHAR(24)  NOT NULL,
    region_id                 BIGINT       NOT NULL,
    parent_id                 BIGINT       NULL,
    address_zh                VARCHAR(300) NULL,
    address_en                VARCHAR(300) NULL,
    -- CNAS accreditation (e.g. CNAS L1234) for accredited labs
    accreditation_number      VARCHAR(32)  NULL,
    accreditation_valid_until DATE         NULL,
    active                    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at                TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_organization_code UNIQUE (code),
    CONSTRAINT uk_organization_accreditation UNIQUE (accreditation_number),
    CONSTRAINT fk_organization_region FOREIGN KEY (region_id) REFERENCES region (id),
    CONSTRAINT fk_organization_parent FOREIGN KEY (parent_id) REFERENCES organization (id),
    CONSTRAINT ck_organization_kind CHECK (kind IN ('AUTHORITY', 'INSTITUTE', 'ACCREDITED_LAB', 'ENTERPRISE')),
    CONSTRAINT ck_organization_accredited CHECK (kind <> 'ACCREDITED_LAB' OR accreditation_number IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Accreditation (or authorisation) scope of an organization, per discipline.
CREATE TABLE organization_scope (
    organization_id BIGINT NOT NULL,
    discipline_id   BIGINT NOT NULL,
    PRIMARY KEY (organization_id, discipline_id),
    CONSTRAINT fk_scope_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_scope_discipline FOREIGN KEY (discipline_id) REFERENCES discipline (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Measurement standards (计量标准).
CREATE TABLE measurement_standard (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    code                  VARCHAR(48)    NOT NULL,
    name_zh               VARCHAR(200)   NOT NULL,
    name_en               VARCHAR(200)   NOT NULL,
    discipline_id         BIGINT         NOT NULL,
    quantity_id           BIGINT         NOT NULL,
    level                 VARCHAR(24)    NOT NULL,
    owner_organization_id BIGINT         NOT NULL,
    region_id             BIGINT         NOT NULL,
    range_low             DECIMAL(38, 12) NULL,
    range_high            DECIMAL(38, 12) NULL,
    unit                  VARCHAR(32)    NOT NULL,
    -- the expanded uncertainty U (with k) or the accuracy class, as the standard claims it
    expanded_uncertainty  DECIMAL(38, 12) NULL,
    coverage_factor       DECIMAL(6, 3)  NULL,
    accuracy_class        VARCHAR(48)    NULL,
    status                VARCHAR(16)    NOT NULL,
    established_on        DATE           NOT NULL,
    created_at            TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version               INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_measurement_standard_code UNIQUE (code),
    CONSTRAINT fk_standard_discipline FOREIGN KEY (discipline_id) REFERENCES discipline (id),
    CONSTRAINT fk_standard_quantity FOREIGN KEY (quantity_id) REFERENCES quantity (id),
    CONSTRAINT fk_standard_owner FOREIGN KEY (owner_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_standard_region FOREIGN KEY (region_id) REFERENCES region (id),
    CONSTRAINT ck_standard_level CHECK (level IN ('NATIONAL', 'PROVINCIAL_PUBLIC', 'CITY_PUBLIC',
                                                  'COUNTY_PUBLIC', 'DEPARTMENTAL', 'ENTERPRISE')),
    CONSTRAINT ck_standard_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'RETIRED')),
    CONSTRAINT ck_standard_range CHECK (range_low IS NULL OR range_high IS NULL OR range_low <= range_high),
    CONSTRAINT ck_standard_uncertainty CHECK (expanded_uncertainty IS NULL OR expanded_uncertainty > 0),
    CONSTRAINT ck_standard_claim CHECK (expanded_uncertainty IS NOT NULL OR accuracy_class IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_standard_region_level ON measurement_standard (region_id, level, status);
CREATE INDEX ix_standard_discipline ON measurement_standard (discipline_id);

-- Status history of a standard, so that any past date can be asked about.
CREATE TABLE measurement_standard_status (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    standard_id    BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    effective_from DATE         NOT NULL,
    reason         VARCHAR(500) NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_standard_status_standard FOREIGN KEY (standard_id) REFERENCES measurement_standard (id),
    CONSTRAINT ck_standard_status_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'RETIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_standard_status_asof ON measurement_standard_status (standard_id, effective_from);

-- Assessment certificates (计量标准考核证书), normally valid four years; renewals add a row.
CREATE TABLE standard_assessment_certificate (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    standard_id    BIGINT      NOT NULL,
    certificate_no VARCHAR(60) NOT NULL,
    issued_on      DATE        NOT NULL,
    expires_on     DATE        NOT NULL,
    issuer         VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_assessment_certificate_no UNIQUE (certificate_no),
    CONSTRAINT fk_assessment_standard FOREIGN KEY (standard_id) REFERENCES measurement_standard (id),
    CONSTRAINT ck_assessment_validity CHECK (expires_on > issued_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_assessment_standard_validity ON standard_assessment_certificate (standard_id, issued_on, expires_on);

-- Instrument types carry the default calibration interval and the history that interval analysis reads.
CREATE TABLE instrument_type (
    id                        BIGINT       NOT NULL AUTO_INCREMENT,
    code                      VARCHAR(48)  NOT NULL,
    name_zh                   VARCHAR(100) NOT NULL,
    name_en                   VARCHAR(100) NOT NULL,
    quantity_id               BIGINT       NOT NULL,
    default_interval_months   INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_instrument_type_code UNIQUE (code),
    CONSTRAINT fk_instrument_type_quantity FOREIGN KEY (quantity_id) REFERENCES quantity (id),
    CONSTRAINT ck_instrument_type_interval CHECK (default_interval_months > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE instrument (
    id                        BIGINT         NOT NULL AUTO_INCREMENT,
    owner_organization_id     BIGINT         NOT NULL,
    instrument_type_id        BIGINT         NOT NULL,
    -- set when the instrument is part of the equipment of a measurement standard
    measurement_standard_id   BIGINT         NULL,
    asset_no                  VARCHAR(48)    NULL,
    manufacturer              VARCHAR(120)   NOT NULL,
    model                     VARCHAR(80)    NOT NULL,
    serial_no                 VARCHAR(80)    NOT NULL,
    range_low                 DECIMAL(38, 12) NULL,
    range_high                DECIMAL(38, 12) NULL,
    unit                      VARCHAR(32)    NOT NULL,
    resolution                DECIMAL(38, 12) NULL,
    max_permissible_error     DECIMAL(38, 12) NULL,
    location                  VARCHAR(200)   NULL,
    calibration_interval_months INT          NULL,
    status                    VARCHAR(16)    NOT NULL DEFAULT 'IN_SERVICE',
    created_at                TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version                   INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_instrument_serial UNIQUE (manufacturer, model, serial_no),
    CONSTRAINT fk_instrument_owner FOREIGN KEY (owner_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_instrument_type FOREIGN KEY (instrument_type_id) REFERENCES instrument_type (id),
    CONSTRAINT fk_instrument_standard FOREIGN KEY (measurement_standard_id) REFERENCES measurement_standard (id),
    CONSTRAINT ck_instrument_status CHECK (status IN ('IN_SERVICE', 'OUT_OF_SERVICE', 'RETIRED')),
    CONSTRAINT ck_instrument_range CHECK (range_low IS NULL OR range_high IS NULL OR range_low <= range_high),
    CONSTRAINT ck_instrument_interval CHECK (calibration_interval_months IS NULL OR calibration_interval_months > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_instrument_owner ON instrument (owner_organization_id);

-- Users, their organization and roles.
CREATE TABLE app_user (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    username         VARCHAR(64)  NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,
    display_name     VARCHAR(100) NOT NULL,
    email            VARCHAR(200) NULL,
    organization_id  BIGINT       NOT NULL,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    preferred_locale VARCHAR(16)  NULL,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_organization FOREIGN KEY (organization_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_user_role_role CHECK (role IN ('TECHNICIAN', 'OFFICER', 'LAB', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Calibrations. A calibration done outside the province (by the NMI, or another NMI under the
-- CIPM MRA) names the external certificate and its issuer instead of a performing organization:
-- those calibrations are the roots of the traceability chains.
CREATE TABLE calibration (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    calibration_no             VARCHAR(48)   NOT NULL,
    revision                   INT           NOT NULL DEFAULT 1,
    supersedes_id              BIGINT        NULL,
    revision_reason            VARCHAR(500)  NULL,
    instrument_id              BIGINT        NOT NULL,
    customer_organization_id   BIGINT        NOT NULL,
    performing_organization_id BIGINT        NULL,
    external_issuer            VARCHAR(200)  NULL,
    external_certificate_no    VARCHAR(80)   NULL,
    external_cmc_reference     VARCHAR(200)  NULL,
    procedure_code             VARCHAR(60)   NOT NULL,
    received_on                DATE          NULL,
    calibrated_on              DATE          NOT NULL,
    valid_until                DATE          NULL,
    technician_id              BIGINT        NULL,
    reviewer_id                BIGINT        NULL,
    approved_at                TIMESTAMP(6)  NULL,
    status                     VARCHAR(16)   NOT NULL,
    temperature_c              DECIMAL(6, 2) NULL,
    relative_humidity_pct      DECIMAL(5, 2) NULL,
    as_found                   VARCHAR(20)   NULL,
    as_left                    VARCHAR(20)   NULL,
    decision_rule              VARCHAR(32)   NULL,
    conformity                 VARCHAR(16)   NULL,
    created_at                 TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version                    INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_calibration_no_revision UNIQUE (calibration_no, revision),
    CONSTRAINT fk_calibration_supersedes FOREIGN KEY (supersedes_id) REFERENCES calibration (id),
    CONSTRAINT fk_calibration_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_calibration_customer FOREIGN KEY (customer_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_calibration_performer FOREIGN KEY (performing_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_calibration_technician FOREIGN KEY (technician_id) REFERENCES app_user (id),
    CONSTRAINT fk_calibration_reviewer FOREIGN KEY (reviewer_id) REFERENCES app_user (id),
    CONSTRAINT ck_calibration_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED', 'WITHDRAWN')),
    CONSTRAINT ck_calibration_source CHECK ((performing_organization_id IS NULL) <> (external_issuer IS NULL)),
    CONSTRAINT ck_calibration_external_cert CHECK (external_issuer IS NULL OR external_certificate_no IS NOT NULL),
    CONSTRAINT ck_calibration_validity CHECK (valid_until IS NULL OR valid_until >= calibrated_on),
    CONSTRAINT ck_calibration_received CHECK (received_on IS NULL OR received_on <= calibrated_on),
    CONSTRAINT ck_calibration_reviewer CHECK (reviewer_id IS NULL OR technician_id IS NULL OR reviewer_id <> technician_id),
    CONSTRAINT ck_calibration_revision CHECK (revision >= 1 AND ((revision = 1) = (supersedes_id IS NULL))),
    CONSTRAINT ck_calibration_as_found CHECK (as_found IS NULL OR as_found IN ('IN_TOLERANCE', 'OUT_OF_TOLERANCE', 'NOT_APPLICABLE')),
    CONSTRAINT ck_calibration_as_left CHECK (as_left IS NULL OR as_left IN ('IN_TOLERANCE', 'OUT_OF_TOLERANCE', 'NOT_APPLICABLE')),
    CONSTRAINT ck_calibration_conformity CHECK (conformity IS NULL OR conformity IN ('PASS', 'FAIL', 'INDETERMINATE', 'NOT_STATED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_calibration_instrument_date ON calibration (instrument_id, calibrated_on);
CREATE INDEX ix_calibration_performer_date ON calibration (performing_organization_id, calibrated_on);
CREATE INDEX ix_calibration_customer_date ON calibration (customer_organization_id, calibrated_on);
CREATE INDEX ix_calibration_valid_until ON calibration (valid_until);

-- The reference standards a calibration used: the links of the traceability chains.
CREATE TABLE calibration_reference_standard (
    calibration_id          BIGINT NOT NULL,
    measurement_standard_id BIGINT NOT NULL,
    PRIMARY KEY (calibration_id, measurement_standard_id),
    CONSTRAINT fk_reference_calibration FOREIGN KEY (calibration_id) REFERENCES calibration (id),
    CONSTRAINT fk_reference_standard FOREIGN KEY (measurement_standard_id) REFERENCES measurement_standard (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_reference_standard ON calibration_reference_standard (measurement_standard_id, calibration_id);

CREATE TABLE measurement_point (
    id                   BIGINT         NOT NULL AUTO_INCREMENT,
    calibration_id       BIGINT         NOT NULL,
    seq                  INT            NOT NULL,
    nominal              DECIMAL(38, 12) NOT NULL,
    unit                 VARCHAR(32)    NOT NULL,
    mean_reading         DECIMAL(38, 12) NULL,
    error                DECIMAL(38, 12) NULL,
    expanded_uncertainty DECIMAL(38, 12) NULL,
    coverage_factor      DECIMAL(6, 3)  NULL,
    coverage_probability DECIMAL(6, 4)  NULL,
    tolerance            DECIMAL(38, 12) NULL,
    conformity           VARCHAR(16)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_measurement_point_seq UNIQUE (calibration_id, seq),
    CONSTRAINT fk_point_calibration FOREIGN KEY (calibration_id) REFERENCES calibration (id),
    CONSTRAINT ck_point_uncertainty CHECK (expanded_uncertainty IS NULL OR expanded_uncertainty > 0),
    CONSTRAINT ck_point_k CHECK (coverage_factor IS NULL OR coverage_factor > 0),
    CONSTRAINT ck_point_p CHECK (coverage_probability IS NULL OR (coverage_probability > 0 AND coverage_probability < 1)),
    CONSTRAINT ck_point_tolerance CHECK (tolerance IS NULL OR tolerance > 0),
    CONSTRAINT ck_point_conformity CHECK (conformity IS NULL OR conformity IN ('PASS', 'FAIL', 'INDETERMINATE', 'NOT_STATED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Audit trail (ISO/IEC 17025 7.11.3): who, when, what, before and after. Append-only: the
-- triggers below refuse UPDATE and DELETE, so not even a bug in the application can rewrite it.
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    actor          VARCHAR(64)  NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    entity_type    VARCHAR(64)  NULL,
    entity_id      VARCHAR(64)  NULL,
    before_state   LONGTEXT     NULL,
    after_state    LONGTEXT     NULL,
    reason         VARCHAR(500) NULL,
    remote_address VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_audit_before_json CHECK (before_state IS NULL OR JSON_VALID(before_state)),
    CONSTRAINT ck_audit_after_json CHECK (after_state IS NULL OR JSON_VALID(after_state))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id, occurred_at);
CREATE INDEX ix_audit_time ON audit_event (occurred_at);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

-- Facts about this installation (e.g. which demo data set was loaded, so it never loads twice).
CREATE TABLE installation_fact (
    name       VARCHAR(64)  NOT NULL,
    value      VARCHAR(500) NOT NULL,
    recorded_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

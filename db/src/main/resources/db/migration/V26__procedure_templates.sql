-- Procedure templates: an institute's own working form of a verification regulation or calibration specification
-- (JJG/JJF code), kept by its technicians. A template pre-fills a new calibration's test points, their tolerances
-- (MPE) and the Type B part of each point's uncertainty budget, so that the technician only types readings.
--
-- A template is versioned: an edit writes a new version and never changes an old one (the versions are evidence:
-- a calibration names the version it followed). Retiring a template keeps it and its versions readable.
CREATE TABLE procedure_template (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organization_id BIGINT       NOT NULL,
    code            VARCHAR(60)  NOT NULL,
    current_version INT          NOT NULL DEFAULT 1,
    retired_at      TIMESTAMP(6) NULL,
    created_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_procedure_template_code UNIQUE (organization_id, code),
    CONSTRAINT fk_procedure_template_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_procedure_template_version CHECK (current_version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE procedure_template_version (
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    template_id              BIGINT        NOT NULL,
    version_no               INT           NOT NULL,
    title                    VARCHAR(200)  NOT NULL,
    instrument_type_id       BIGINT        NOT NULL,
    unit                     VARCHAR(32)   NOT NULL,
    decision_rule            VARCHAR(32)   NULL,
    decision_rule_multiplier DECIMAL(8, 4) NULL,
    change_note              VARCHAR(500)  NULL,
    created_by               VARCHAR(64)   NOT NULL,
    created_at               TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_procedure_version_no UNIQUE (template_id, version_no),
    CONSTRAINT fk_procedure_version_template FOREIGN KEY (template_id) REFERENCES procedure_template (id),
    CONSTRAINT fk_procedure_version_type FOREIGN KEY (instrument_type_id) REFERENCES instrument_type (id),
    CONSTRAINT ck_procedure_version_no CHECK (version_no >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A version's test points, in order, with the tolerance (± MPE) each is judged against.
CREATE TABLE procedure_template_point (
    version_id     BIGINT          NOT NULL,
    seq            INT             NOT NULL,
    nominal        DECIMAL(38, 12) NOT NULL,
    unit           VARCHAR(32)     NOT NULL,
    tolerance      DECIMAL(38, 12) NULL,
    tolerance_unit VARCHAR(32)     NULL,
    PRIMARY KEY (version_id, seq),
    CONSTRAINT fk_procedure_point_version FOREIGN KEY (version_id) REFERENCES procedure_template_version (id),
    CONSTRAINT ck_procedure_point_tolerance CHECK (tolerance IS NULL OR tolerance > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The Type B components of a point's budget, as a calibration's draft takes them (the Type A comes from readings).
CREATE TABLE procedure_template_component (
    version_id           BIGINT          NOT NULL,
    point_seq            INT             NOT NULL,
    seq                  INT             NOT NULL,
    name                 VARCHAR(100)    NOT NULL,
    distribution         VARCHAR(16)     NULL,
    standard_uncertainty DECIMAL(38, 12) NULL,
    half_width           DECIMAL(38, 12) NULL,
    expanded_uncertainty DECIMAL(38, 12) NULL,
    coverage_factor      DECIMAL(6, 3)   NULL,
    sensitivity          DECIMAL(38, 12) NULL,
    dof                  DECIMAL(16, 3)  NULL,
    PRIMARY KEY (version_id, point_seq, seq),
    CONSTRAINT fk_procedure_component_point FOREIGN KEY (version_id, point_seq)
        REFERENCES procedure_template_point (version_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The template version a calibration was drafted from (at most one; none for a record typed by hand or imported).
CREATE TABLE calibration_procedure (
    calibration_id BIGINT NOT NULL,
    version_id     BIGINT NOT NULL,
    PRIMARY KEY (calibration_id),
    CONSTRAINT fk_calibration_procedure_calibration FOREIGN KEY (calibration_id) REFERENCES calibration (id),
    CONSTRAINT fk_calibration_procedure_version FOREIGN KEY (version_id) REFERENCES procedure_template_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_calibration_procedure_version ON calibration_procedure (version_id);

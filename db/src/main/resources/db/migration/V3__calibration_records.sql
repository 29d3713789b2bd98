-- Calibration records: what V1's calibration and measurement_point tables need to keep a calibration as
-- evidence (ISO/IEC 17025 7.5, 7.8.4, 7.11): the repeated readings behind each point, the uncertainty
-- budget each point's U was evaluated from (JCGM 100), the decision with the rule it was taken under
-- (ILAC G8 / JCGM 106, ISO/IEC 17025 7.8.6), and the submission step of the review workflow.

-- Numbers are drawn from a sequence inside the INSERT, so that numbering costs no extra round trip.
CREATE SEQUENCE calibration_no_seq START WITH 1 INCREMENT BY 1 NOCACHE;

ALTER TABLE calibration
    -- r in the guard band w = r·U of the rule in decision_rule (0 for simple acceptance)
    ADD COLUMN decision_rule_multiplier DECIMAL(10, 4) NULL AFTER decision_rule,
    -- the coverage probability every point's U is stated at (0.9545: k = 2 for large ν_eff)
    ADD COLUMN coverage_probability     DECIMAL(6, 4)  NULL AFTER decision_rule_multiplier,
    ADD COLUMN submitted_at             TIMESTAMP(6)   NULL AFTER technician_id,
    ADD CONSTRAINT ck_calibration_rule_multiplier CHECK (decision_rule_multiplier IS NULL OR decision_rule_multiplier >= 0),
    ADD CONSTRAINT ck_calibration_p CHECK (coverage_probability IS NULL OR (coverage_probability > 0 AND coverage_probability < 1)),
    -- an approved record has its reviewer and approval time; a reviewer never reviews a draft
    ADD CONSTRAINT ck_calibration_approval CHECK (status NOT IN ('APPROVED', 'SUPERSEDED')
        OR performing_organization_id IS NULL OR (reviewer_id IS NOT NULL AND approved_at IS NOT NULL)),
    ADD CONSTRAINT ck_calibration_revision_reason CHECK (revision = 1 OR revision_reason IS NOT NULL);
CREATE INDEX ix_calibration_status_performer ON calibration (status, performing_organization_id, calibrated_on);
CREATE INDEX ix_calibration_supersedes ON calibration (supersedes_id);

ALTER TABLE measurement_point
    -- the tolerance (maximum permissible error, ±) as entered, in its own unit of the same dimension
    ADD COLUMN tolerance_unit          VARCHAR(32)     NULL AFTER tolerance,
    ADD COLUMN standard_deviation      DECIMAL(38, 12) NULL AFTER mean_reading,
    ADD COLUMN correction              DECIMAL(38, 12) NULL AFTER error,
    ADD COLUMN combined_uncertainty    DECIMAL(38, 12) NULL AFTER correction,
    -- Welch–Satterthwaite ν_eff; NULL when infinite
    ADD COLUMN effective_dof           DECIMAL(16, 3)  NULL AFTER combined_uncertainty,
    -- the decision and the rule it was taken under (DecisionRuleCode, never renamed)
    ADD COLUMN decision_rule           VARCHAR(32)     NULL AFTER conformity,
    ADD COLUMN guard_band_multiplier   DECIMAL(10, 4)  NULL AFTER decision_rule,
    ADD COLUMN guard_band              DECIMAL(38, 12) NULL AFTER guard_band_multiplier,
    -- acceptance limits in the point's unit; NULL for an open side
    ADD COLUMN acceptance_lower        DECIMAL(38, 12) NULL AFTER guard_band,
    ADD COLUMN acceptance_upper        DECIMAL(38, 12) NULL AFTER acceptance_lower,
    -- p_c under a normal model (JCGM 106 clause 7)
    ADD COLUMN conformance_probability DECIMAL(13, 12) NULL AFTER acceptance_upper,
    -- ILAC G8 4.2.3 statement; conformity carries PASS/FAIL and INDETERMINATE for the conditional ones
    ADD COLUMN verdict                 VARCHAR(20)     NULL AFTER conformance_probability,
    ADD CONSTRAINT ck_point_tolerance_unit CHECK ((tolerance IS NULL) = (tolerance_unit IS NULL)),
    ADD CONSTRAINT ck_point_decision CHECK ((tolerance IS NULL) = (decision_rule IS NULL)),
    ADD CONSTRAINT ck_point_guard_band CHECK (guard_band IS NULL OR guard_band >= 0),
    ADD CONSTRAINT ck_point_pc CHECK (conformance_probability IS NULL OR conformance_probability BETWEEN 0 AND 1),
    ADD CONSTRAINT ck_point_verdict CHECK (verdict IS NULL OR verdict IN ('PASS', 'CONDITIONAL_PASS', 'CONDITIONAL_FAIL', 'FAIL')),
    ADD CONSTRAINT ck_point_sd CHECK (standard_deviation IS NULL OR standard_deviation >= 0),
    ADD CONSTRAINT ck_point_uc CHECK (combined_uncertainty IS NULL OR combined_uncertainty >= 0);

-- The repeated readings (indications) at a point, in the point's unit; at least two per point.
CREATE TABLE measurement_reading (
    point_id BIGINT          NOT NULL,
    seq      INT             NOT NULL,
    value    DECIMAL(38, 12) NOT NULL,
    PRIMARY KEY (point_id, seq),
    CONSTRAINT fk_reading_point FOREIGN KEY (point_id) REFERENCES measurement_point (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The uncertainty budget of a point, one row per component (JCGM 100 Table H.1 layout), both as entered
-- (half_width, expanded_uncertainty + coverage_factor, or a given standard uncertainty) and as evaluated.
-- The Type A component is evaluated from the point's readings.
CREATE TABLE uncertainty_component (
    point_id              BIGINT          NOT NULL,
    seq                   INT             NOT NULL,
    name                  VARCHAR(100)    NOT NULL,
    evaluation_type       CHAR(1)         NOT NULL,
    distribution          VARCHAR(16)     NULL,
    half_width            DECIMAL(38, 12) NULL,
    expanded_uncertainty  DECIMAL(38, 12) NULL,
    coverage_factor       DECIMAL(6, 3)   NULL,
    standard_uncertainty  DECIMAL(38, 12) NOT NULL,
    sensitivity           DECIMAL(38, 12) NOT NULL,
    -- ν_i; NULL when infinite
    degrees_of_freedom    DECIMAL(16, 3)  NULL,
    contribution          DECIMAL(38, 12) NOT NULL,
    PRIMARY KEY (point_id, seq),
    CONSTRAINT uk_component_name UNIQUE (point_id, name),
    CONSTRAINT fk_component_point FOREIGN KEY (point_id) REFERENCES measurement_point (id),
    CONSTRAINT ck_component_type CHECK (evaluation_type IN ('A', 'B')),
    CONSTRAINT ck_component_distribution CHECK (distribution IS NULL OR distribution IN ('normal', 'rectangular', 'triangular', 'u-shaped')),
    CONSTRAINT ck_component_u CHECK (standard_uncertainty >= 0 AND contribution >= 0),
    CONSTRAINT ck_component_inputs CHECK ((half_width IS NULL OR half_width >= 0)
        AND (expanded_uncertainty IS NULL OR expanded_uncertainty >= 0)
        AND (coverage_factor IS NULL OR coverage_factor > 0)),
    CONSTRAINT ck_component_dof CHECK (degrees_of_freedom IS NULL OR degrees_of_freedom >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

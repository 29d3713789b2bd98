-- Proficiency testing (能力验证) run as a PT provider under ISO/IEC 17043 would run it:
-- schemes, rounds with their lifecycle, enrolment under confidential lab codes, results that are
-- never overwritten (each submission is a new revision), homogeneity and stability data
-- (ISO 13528 Annex B) and the scores of a round (ISO 13528 clause 9).

CREATE TABLE pt_scheme (
    id                         BIGINT         NOT NULL AUTO_INCREMENT,
    code                       VARCHAR(40)    NOT NULL,
    name_zh                    VARCHAR(200)   NOT NULL,
    name_en                    VARCHAR(200)   NOT NULL,
    discipline_id              BIGINT         NOT NULL,
    measurand_zh               VARCHAR(200)   NOT NULL,
    measurand_en               VARCHAR(200)   NOT NULL,
    unit                       VARCHAR(32)    NOT NULL,
    provider_organization_id   BIGINT         NOT NULL,
    -- how the assigned value x_pt is set (ISO 13528:2022 clause 7)
    assigned_value_method      VARCHAR(24)    NOT NULL,
    -- how sigma_pt is set (ISO 13528:2022 clause 8); the value when it is fixed by the scheme
    sigma_pt_method            VARCHAR(24)    NOT NULL,
    sigma_pt                   DECIMAL(38, 12) NULL,
    -- the score the scheme reports: z (z' where the standard says), zeta, or En for calibration PT
    score_type                 VARCHAR(8)     NOT NULL,
    created_at                 TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version                    INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_scheme_code UNIQUE (code),
    CONSTRAINT fk_pt_scheme_discipline FOREIGN KEY (discipline_id) REFERENCES discipline (id),
    CONSTRAINT fk_pt_scheme_provider FOREIGN KEY (provider_organization_id) REFERENCES organization (id),
    CONSTRAINT ck_pt_scheme_assigned CHECK (assigned_value_method IN
        ('ALGORITHM_A', 'REFERENCE_VALUE', 'CERTIFIED_VALUE', 'REFERENCE_LAB')),
    CONSTRAINT ck_pt_scheme_sigma CHECK (sigma_pt_method IN ('FIXED', 'ROBUST_SD', 'HORWITZ')),
    CONSTRAINT ck_pt_scheme_sigma_value CHECK ((sigma_pt_method = 'FIXED') = (sigma_pt IS NOT NULL)),
    CONSTRAINT ck_pt_scheme_sigma_positive CHECK (sigma_pt IS NULL OR sigma_pt > 0),
    CONSTRAINT ck_pt_scheme_score CHECK (score_type IN ('Z', 'ZETA', 'EN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pt_round (
    id                          BIGINT         NOT NULL AUTO_INCREMENT,
    scheme_id                   BIGINT         NOT NULL,
    code                        VARCHAR(40)    NOT NULL,
    status                      VARCHAR(16)    NOT NULL,
    enrolment_opens_on          DATE           NOT NULL,
    enrolment_closes_on         DATE           NOT NULL,
    dispatch_on                 DATE           NOT NULL,
    -- results are accepted until this instant (UTC); later ones only by an officer, marked late
    submission_deadline         TIMESTAMP(6)   NOT NULL,
    report_due_on               DATE           NOT NULL,
    -- the reference / certified / reference-lab value and its standard uncertainty, when the
    -- scheme does not use a consensus value
    reference_value             DECIMAL(38, 12) NULL,
    reference_uncertainty       DECIMAL(38, 12) NULL,
    -- set when the round is scored
    assigned_value              DECIMAL(38, 12) NULL,
    assigned_value_uncertainty  DECIMAL(38, 12) NULL,
    sigma_pt                    DECIMAL(38, 12) NULL,
    robust_mean                 DECIMAL(38, 12) NULL,
    robust_sd                   DECIMAL(38, 12) NULL,
    algorithm_a_iterations      INT            NULL,
    scored_at                   TIMESTAMP(6)   NULL,
    scored_by                   VARCHAR(64)    NULL,
    created_by                  VARCHAR(64)    NOT NULL,
    created_at                  TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version                     INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_round_code UNIQUE (code),
    CONSTRAINT fk_pt_round_scheme FOREIGN KEY (scheme_id) REFERENCES pt_scheme (id),
    CONSTRAINT ck_pt_round_status CHECK (status IN ('DRAFT', 'OPEN', 'DISPATCHED', 'CLOSED', 'SCORED', 'REPORTED')),
    CONSTRAINT ck_pt_round_dates CHECK (enrolment_opens_on <= enrolment_closes_on
        AND enrolment_closes_on <= dispatch_on
        AND dispatch_on <= DATE(submission_deadline)
        AND DATE(submission_deadline) <= report_due_on),
    CONSTRAINT ck_pt_round_reference CHECK (reference_uncertainty IS NULL OR reference_uncertainty >= 0),
    CONSTRAINT ck_pt_round_sigma CHECK (sigma_pt IS NULL OR sigma_pt > 0),
    CONSTRAINT ck_pt_round_scored CHECK ((status IN ('SCORED', 'REPORTED')) = (scored_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_pt_round_scheme ON pt_round (scheme_id, enrolment_opens_on);

-- A lab in a round, under a confidential code that reports and other labs see instead of its name.
CREATE TABLE pt_enrolment (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    round_id        BIGINT       NOT NULL,
    organization_id BIGINT       NOT NULL,
    lab_code        VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    applied_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    decided_by      VARCHAR(64)  NULL,
    decided_at      TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_enrolment_lab UNIQUE (round_id, organization_id),
    CONSTRAINT uk_pt_enrolment_code UNIQUE (round_id, lab_code),
    CONSTRAINT fk_pt_enrolment_round FOREIGN KEY (round_id) REFERENCES pt_round (id),
    CONSTRAINT fk_pt_enrolment_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_pt_enrolment_status CHECK (status IN ('APPLIED', 'ENROLLED', 'REJECTED', 'WITHDRAWN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every submission is a row; a resubmission before the deadline is revision n+1 and the scores use
-- the latest accepted revision. Nothing is updated in place.
CREATE TABLE pt_result (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    enrolment_id          BIGINT         NOT NULL,
    revision              INT            NOT NULL,
    value                 DECIMAL(38, 12) NOT NULL,
    standard_uncertainty  DECIMAL(38, 12) NULL,
    expanded_uncertainty  DECIMAL(38, 12) NULL,
    coverage_factor       DECIMAL(6, 3)  NULL,
    method                VARCHAR(200)   NULL,
    remarks               VARCHAR(1000)  NULL,
    submitted_by          VARCHAR(64)    NOT NULL,
    submitted_at          TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    late                  BOOLEAN        NOT NULL DEFAULT FALSE,
    -- the officer who accepted a late result
    accepted_by           VARCHAR(64)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_result_revision UNIQUE (enrolment_id, revision),
    CONSTRAINT fk_pt_result_enrolment FOREIGN KEY (enrolment_id) REFERENCES pt_enrolment (id),
    CONSTRAINT ck_pt_result_u CHECK (standard_uncertainty IS NULL OR standard_uncertainty >= 0),
    CONSTRAINT ck_pt_result_expanded CHECK (expanded_uncertainty IS NULL OR expanded_uncertainty >= 0),
    CONSTRAINT ck_pt_result_k CHECK (coverage_factor IS NULL OR coverage_factor > 0),
    CONSTRAINT ck_pt_result_late CHECK (late = FALSE OR accepted_by IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Homogeneity (duplicates on g items, ISO 13528 B.2) and stability (B.5) measurements of a round.
CREATE TABLE pt_item_measurement (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    round_id    BIGINT         NOT NULL,
    study       VARCHAR(16)    NOT NULL,
    item_no     INT            NOT NULL,
    replicate   INT            NOT NULL,
    value       DECIMAL(38, 12) NOT NULL,
    recorded_by VARCHAR(64)    NOT NULL,
    recorded_at TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_item_measurement UNIQUE (round_id, study, item_no, replicate),
    CONSTRAINT fk_pt_item_round FOREIGN KEY (round_id) REFERENCES pt_round (id),
    CONSTRAINT ck_pt_item_study CHECK (study IN ('HOMOGENEITY', 'STABILITY_BEFORE', 'STABILITY_AFTER')),
    CONSTRAINT ck_pt_item_no CHECK (item_no >= 1 AND replicate >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The scores of a scored round, one per enrolled lab with a result.
CREATE TABLE pt_score (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    round_id       BIGINT         NOT NULL,
    enrolment_id   BIGINT         NOT NULL,
    result_id      BIGINT         NOT NULL,
    z              DECIMAL(20, 6) NULL,
    z_prime        DECIMAL(20, 6) NULL,
    zeta           DECIMAL(20, 6) NULL,
    en             DECIMAL(20, 6) NULL,
    classification VARCHAR(16)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_score UNIQUE (round_id, enrolment_id),
    CONSTRAINT fk_pt_score_round FOREIGN KEY (round_id) REFERENCES pt_round (id),
    CONSTRAINT fk_pt_score_enrolment FOREIGN KEY (enrolment_id) REFERENCES pt_enrolment (id),
    CONSTRAINT fk_pt_score_result FOREIGN KEY (result_id) REFERENCES pt_result (id),
    CONSTRAINT ck_pt_score_class CHECK (classification IN ('SATISFACTORY', 'QUESTIONABLE', 'UNSATISFACTORY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

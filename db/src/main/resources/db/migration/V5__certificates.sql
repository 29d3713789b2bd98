-- Certificates (ISO/IEC 17025 7.8): the issued PDF is kept exactly as issued (bytes and SHA-256) and never
-- rendered again; an amendment is a new revision of the same number that names the revision it supersedes and
-- why (7.8.8). Issuing is an electronic signature: who, when, with what meaning, over which content hash.
CREATE TABLE certificate (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    certificate_no     VARCHAR(64)   NOT NULL,
    revision           INT           NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    supersedes_id      BIGINT        NULL,
    amendment_reason   VARCHAR(500)  NULL,
    calibration_id     BIGINT        NOT NULL,
    -- the issuing lab and the customer (the organization that may download it)
    issuer_organization_id   BIGINT  NOT NULL,
    customer_organization_id BIGINT  NOT NULL,
    -- what the certificate is about, for lists: instrument and serial number
    subject            VARCHAR(300)  NOT NULL,
    issued_at          TIMESTAMP(6)  NOT NULL,
    issued_by          BIGINT        NOT NULL,
    signature_meaning  VARCHAR(32)   NOT NULL,
    pdf                LONGBLOB      NOT NULL,
    sha256             CHAR(64)      NOT NULL,
    verification_code  VARCHAR(16)   NOT NULL,
    withdrawn_at       TIMESTAMP(6)  NULL,
    withdrawn_by       BIGINT        NULL,
    withdrawal_reason  VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_certificate_no_revision UNIQUE (certificate_no, revision),
    -- one certificate per calibration record and revision: a resumed batch cannot issue twice
    CONSTRAINT uk_certificate_calibration_revision UNIQUE (calibration_id, revision),
    CONSTRAINT fk_certificate_supersedes FOREIGN KEY (supersedes_id) REFERENCES certificate (id),
    CONSTRAINT fk_certificate_calibration FOREIGN KEY (calibration_id) REFERENCES calibration (id),
    CONSTRAINT fk_certificate_issuer_org FOREIGN KEY (issuer_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_certificate_customer FOREIGN KEY (customer_organization_id) REFERENCES organization (id),
    CONSTRAINT fk_certificate_issued_by FOREIGN KEY (issued_by) REFERENCES app_user (id),
    CONSTRAINT fk_certificate_withdrawn_by FOREIGN KEY (withdrawn_by) REFERENCES app_user (id),
    CONSTRAINT ck_certificate_status CHECK (status IN ('VALID', 'SUPERSEDED', 'WITHDRAWN')),
    CONSTRAINT ck_certificate_revision CHECK (revision >= 1 AND ((revision = 1) = (supersedes_id IS NULL))),
    CONSTRAINT ck_certificate_amendment CHECK (revision = 1 OR amendment_reason IS NOT NULL),
    CONSTRAINT ck_certificate_withdrawal CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)),
    CONSTRAINT ck_certificate_sha256 CHECK (sha256 REGEXP '^[0-9a-f]{64}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_certificate_customer ON certificate (customer_organization_id, issued_at);
CREATE INDEX ix_certificate_issuer ON certificate (issuer_organization_id, issued_at);
CREATE INDEX ix_certificate_issued_at ON certificate (issued_at);

-- Batch issue: one row per job and one per calibration in it, so that a job restarted after a crash picks up
-- the items still PENDING and never issues twice (uk_certificate_calibration_revision backs this up).
CREATE TABLE certificate_batch (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    organization_id    BIGINT        NOT NULL,
    requested_by       BIGINT        NOT NULL,
    requested_at       TIMESTAMP(6)  NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    finished_at        TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_batch_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_batch_requested_by FOREIGN KEY (requested_by) REFERENCES app_user (id),
    CONSTRAINT ck_batch_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_batch_status ON certificate_batch (status);

CREATE TABLE certificate_batch_item (
    batch_id           BIGINT        NOT NULL,
    calibration_id     BIGINT        NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    certificate_id     BIGINT        NULL,
    error              VARCHAR(500)  NULL,
    PRIMARY KEY (batch_id, calibration_id),
    CONSTRAINT fk_batch_item_batch FOREIGN KEY (batch_id) REFERENCES certificate_batch (id),
    CONSTRAINT fk_batch_item_calibration FOREIGN KEY (calibration_id) REFERENCES calibration (id),
    CONSTRAINT fk_batch_item_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id),
    CONSTRAINT ck_batch_item_status CHECK (status IN ('PENDING', 'ISSUED', 'FAILED')),
    CONSTRAINT ck_batch_item_issued CHECK ((status = 'ISSUED') = (certificate_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_batch_item_status ON certificate_batch_item (batch_id, status);

-- PT documents stored as issued (ISO/IEC 17043:2023 7.4, ISO/IEC 17025:2017 7.8 and 7.11): when a round's scores
-- are published, its final report and the letter to every scored lab are rendered once and kept here, bytes and
-- SHA-256; downloads serve these bytes. A correction issues revision n + 1 of a document and marks n SUPERSEDED;
-- nothing is overwritten or deleted.
CREATE TABLE pt_document (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    round_id         BIGINT        NOT NULL,
    kind             VARCHAR(8)    NOT NULL,
    -- the lab a letter is addressed to (its code in the round as printed); both null for the report
    organization_id  BIGINT        NULL,
    lab_code         VARCHAR(40)   NULL,
    -- 0 for the report: one sequence of revisions per round, kind and lab
    subject_id       BIGINT        AS (COALESCE(organization_id, 0)) PERSISTENT,
    revision         INT           NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    supersedes_id    BIGINT        NULL,
    reason           VARCHAR(500)  NULL,
    issued_at        TIMESTAMP(6)  NOT NULL,
    issued_by        BIGINT        NOT NULL,
    pdf              LONGBLOB      NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_pt_document_revision UNIQUE (round_id, kind, subject_id, revision),
    CONSTRAINT fk_pt_document_round FOREIGN KEY (round_id) REFERENCES pt_round (id),
    CONSTRAINT fk_pt_document_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_pt_document_supersedes FOREIGN KEY (supersedes_id) REFERENCES pt_document (id),
    CONSTRAINT fk_pt_document_issued_by FOREIGN KEY (issued_by) REFERENCES app_user (id),
    CONSTRAINT ck_pt_document_kind CHECK (kind IN ('REPORT', 'LETTER')),
    CONSTRAINT ck_pt_document_addressee CHECK ((kind = 'LETTER') = (organization_id IS NOT NULL)
        AND (organization_id IS NULL) = (lab_code IS NULL)),
    CONSTRAINT ck_pt_document_status CHECK (status IN ('VALID', 'SUPERSEDED')),
    CONSTRAINT ck_pt_document_revision CHECK (revision >= 1 AND ((revision = 1) = (supersedes_id IS NULL))
        AND (revision = 1 OR reason IS NOT NULL)),
    CONSTRAINT ck_pt_document_sha256 CHECK (sha256 REGEXP '^[0-9a-f]{64}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- a lab's letters across rounds (the zip of its own letters)
CREATE INDEX ix_pt_document_lab ON pt_document (organization_id, status, issued_at);

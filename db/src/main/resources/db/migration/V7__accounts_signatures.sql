-- Issue 7: electronic signatures, login throttling and API tokens.

-- An electronic signature (21 CFR 11.50 / 11.70): who signed which record, when, with what meaning,
-- bound to the SHA-256 of the record's canonical content at signing, so any later change shows.
-- Signatures are never updated or deleted.
CREATE TABLE electronic_signature (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    signer_id       BIGINT       NOT NULL,
    signer_username VARCHAR(64)  NOT NULL,
    signer_name     VARCHAR(100) NOT NULL,
    meaning         VARCHAR(16)  NOT NULL,
    record_type     VARCHAR(64)  NOT NULL,
    record_id       VARCHAR(64)  NOT NULL,
    content_sha256  CHAR(64)     NOT NULL,
    signed_at       TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_signature_signer FOREIGN KEY (signer_id) REFERENCES app_user (id),
    CONSTRAINT ck_signature_meaning CHECK (meaning IN ('REVIEWED', 'APPROVED', 'ISSUED', 'PUBLISHED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_signature_record ON electronic_signature (record_type, record_id, signed_at);

-- Failed logins, per account and per client address, kept in the database so every app instance
-- counts the same failures. A lock is derived from the failures in the window; rows are kept as
-- evidence (the audit trail has them too).
CREATE TABLE login_failure (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(64)  NOT NULL,
    remote_address VARCHAR(64)  NOT NULL,
    failed_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_login_failure_user ON login_failure (username, failed_at);
CREATE INDEX ix_login_failure_address ON login_failure (remote_address, failed_at);

-- The last successful login of an account resets its count: failures before it do not count.
ALTER TABLE app_user ADD COLUMN failures_reset_at TIMESTAMP(6) NULL;

-- API tokens for other systems: stored as SHA-256 of the secret (the secret is shown once),
-- with scopes, an expiry and a revocation time. A token acts as its owning user, narrowed by scope.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_prefix CHAR(8)      NOT NULL,
    token_sha256 CHAR(64)     NOT NULL,
    scopes       VARCHAR(500) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    expires_at   TIMESTAMP(6) NOT NULL,
    revoked_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_sha256),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

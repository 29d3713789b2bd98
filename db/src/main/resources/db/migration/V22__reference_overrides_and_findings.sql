-- A reference standard used although it was unfit on the calibration date (its calibration expired, it was not in
-- service, or its traceability chain was broken), with the documented reason of the technician who used it anyway.
-- The record page shows it and the certificate prints it; the audit trail keeps who, when and why as well.
CREATE TABLE calibration_reference_override (
    calibration_id          BIGINT       NOT NULL,
    measurement_standard_id BIGINT       NOT NULL,
    -- what was wrong with the standard on the calibration date: OVERDUE, NOT_IN_SERVICE, BROKEN_CHAIN (comma list)
    problems                VARCHAR(100) NOT NULL,
    reason                  VARCHAR(500) NOT NULL,
    overridden_by           BIGINT       NOT NULL,
    overridden_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (calibration_id, measurement_standard_id),
    CONSTRAINT fk_override_calibration FOREIGN KEY (calibration_id) REFERENCES calibration (id),
    CONSTRAINT fk_override_standard FOREIGN KEY (measurement_standard_id) REFERENCES measurement_standard (id),
    CONSTRAINT fk_override_user FOREIGN KEY (overridden_by) REFERENCES app_user (id),
    CONSTRAINT ck_override_reason CHECK (CHAR_LENGTH(TRIM(reason)) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The reviewer's latest finding on a record returned to its technician: shown on the record page and in My work
-- until the record is submitted again (the audit trail keeps every return with its reason).
ALTER TABLE calibration
    ADD COLUMN returned_at    DATETIME(6)  NULL,
    ADD COLUMN returned_by    BIGINT       NULL,
    ADD COLUMN return_finding VARCHAR(500) NULL,
    ADD CONSTRAINT fk_calibration_returned_by FOREIGN KEY (returned_by) REFERENCES app_user (id);

-- My work: a technician's own drafts and returned records, one count each.
CREATE INDEX ix_calibration_technician_status ON calibration (technician_id, status);

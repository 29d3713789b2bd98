-- Per standard, the days on which it counts (assessment certificate valid, status active) and the days on which its
-- traceability chain is complete, as closed day ranges (NULL = open-ended). Derived data, never evidence: it is
-- recomputed from the calibrations, references, equipment, status history and certificates whenever the triggers
-- below mark a standard, so the coverage figures read a few rows per standard instead of walking every chain.
CREATE TABLE standard_trace_period (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    standard_id BIGINT      NOT NULL,
    -- COUNTS: the standard counts; COMPLETE: its chain is complete up to a root
    kind        VARCHAR(8)  NOT NULL,
    valid_from  DATE        NULL,
    valid_until DATE        NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_trace_period_kind CHECK (kind IN ('COUNTS', 'COMPLETE')),
    CONSTRAINT ck_trace_period_order CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_trace_period_standard ON standard_trace_period (standard_id);

-- Which standards' periods are stale. Each trigger only appends (one insert, cheap enough for the demo's bulk
-- loads); the summary's refresh recomputes the marked standards, then the standards downstream whose periods
-- that changes, and removes the marks it read. standard_id 0 marks every standard (a recognised root changed).
-- dependents: the mark also makes stale every standard calibrated with this one (its uncertainty, level, status
-- or certificates changed, which the checks of those calibrations read).
CREATE TABLE trace_change (
    id          BIGINT  NOT NULL AUTO_INCREMENT,
    standard_id BIGINT  NOT NULL,
    dependents  BOOLEAN NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row: refreshes take its lock, so two never recompute the same standards at once.
CREATE TABLE trace_summary_state (
    id            INT          NOT NULL,
    refreshed_at  TIMESTAMP(6) NULL,
    last_change   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO trace_summary_state (id) VALUES (1);
-- the data already there: the first refresh rebuilds everything
INSERT INTO trace_change (standard_id, dependents) VALUES (0, TRUE);

-- The triggers look standards up with SELECT ... INTO on the primary key: MariaDB plans an INSERT ... SELECT whose
-- WHERE compares with NEW.x without the primary key, a scan per row that made the demo's bulk load crawl.
DELIMITER //

-- Marks the standard the instrument is an item of the equipment of, if any.
CREATE PROCEDURE trace_mark_item(IN p_item BIGINT)
BEGIN
    DECLARE s BIGINT DEFAULT NULL;
    SELECT measurement_standard_id INTO s FROM instrument WHERE id = p_item;
    IF s IS NOT NULL THEN
        INSERT INTO trace_change (standard_id, dependents) VALUES (s, FALSE);
    END IF;
END//

-- Marks the standard an approved calibration calibrated an item of, if any.
CREATE PROCEDURE trace_mark_calibration(IN p_calibration BIGINT)
BEGIN
    DECLARE item BIGINT DEFAULT NULL;
    DECLARE st VARCHAR(16) DEFAULT NULL;
    SELECT instrument_id, status INTO item, st FROM calibration WHERE id = p_calibration;
    IF st = 'APPROVED' THEN
        CALL trace_mark_item(item);
    END IF;
END//

-- An approved calibration of a standard's equipment, or one that stops being approved (corrected, withdrawn).
CREATE TRIGGER trace_on_calibration_insert AFTER INSERT ON calibration FOR EACH ROW
BEGIN
    IF NEW.status = 'APPROVED' THEN
        CALL trace_mark_item(NEW.instrument_id);
    END IF;
END//

CREATE TRIGGER trace_on_calibration_update AFTER UPDATE ON calibration FOR EACH ROW
BEGIN
    IF (OLD.status = 'APPROVED' OR NEW.status = 'APPROVED')
       AND NOT (OLD.status <=> NEW.status AND OLD.instrument_id <=> NEW.instrument_id
                AND OLD.calibrated_on <=> NEW.calibrated_on AND OLD.valid_until <=> NEW.valid_until
                AND OLD.external_issuer <=> NEW.external_issuer
                AND OLD.external_cmc_reference <=> NEW.external_cmc_reference) THEN
        CALL trace_mark_item(NEW.instrument_id);
        IF OLD.instrument_id <> NEW.instrument_id THEN
            CALL trace_mark_item(OLD.instrument_id);
        END IF;
    END IF;
END//

CREATE TRIGGER trace_on_calibration_delete AFTER DELETE ON calibration FOR EACH ROW
BEGIN
    IF OLD.status = 'APPROVED' THEN
        CALL trace_mark_item(OLD.instrument_id);
    END IF;
END//

-- The reference standards an approved calibration names.
CREATE TRIGGER trace_on_reference_insert AFTER INSERT ON calibration_reference_standard FOR EACH ROW
BEGIN
    CALL trace_mark_calibration(NEW.calibration_id);
END//

CREATE TRIGGER trace_on_reference_delete AFTER DELETE ON calibration_reference_standard FOR EACH ROW
BEGIN
    CALL trace_mark_calibration(OLD.calibration_id);
END//

-- An instrument joining or leaving a standard's equipment.
CREATE TRIGGER trace_on_instrument_insert AFTER INSERT ON instrument FOR EACH ROW
BEGIN
    IF NEW.measurement_standard_id IS NOT NULL THEN
        INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.measurement_standard_id, FALSE);
    END IF;
END//

CREATE TRIGGER trace_on_instrument_update AFTER UPDATE ON instrument FOR EACH ROW
BEGIN
    IF NOT (OLD.measurement_standard_id <=> NEW.measurement_standard_id) THEN
        IF OLD.measurement_standard_id IS NOT NULL THEN
            INSERT INTO trace_change (standard_id, dependents) VALUES (OLD.measurement_standard_id, FALSE);
        END IF;
        IF NEW.measurement_standard_id IS NOT NULL THEN
            INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.measurement_standard_id, FALSE);
        END IF;
    END IF;
END//

-- A standard itself: new, or its level, unit or uncertainty changed (which the checks below it read too).
CREATE TRIGGER trace_on_standard_insert AFTER INSERT ON measurement_standard FOR EACH ROW
BEGIN
    INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.id, FALSE);
END//

CREATE TRIGGER trace_on_standard_update AFTER UPDATE ON measurement_standard FOR EACH ROW
BEGIN
    IF NOT (OLD.level <=> NEW.level AND OLD.unit <=> NEW.unit
            AND OLD.expanded_uncertainty <=> NEW.expanded_uncertainty) THEN
        INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.id, TRUE);
    END IF;
END//

DELIMITER ;

-- Its status history and assessment certificates: whether it counts, which its own and its users' chains read.
CREATE TRIGGER trace_on_status_insert AFTER INSERT ON measurement_standard_status FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.standard_id, TRUE);
CREATE TRIGGER trace_on_status_update AFTER UPDATE ON measurement_standard_status FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.standard_id, TRUE), (OLD.standard_id, TRUE);
CREATE TRIGGER trace_on_status_delete AFTER DELETE ON measurement_standard_status FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (OLD.standard_id, TRUE);
CREATE TRIGGER trace_on_assessment_insert AFTER INSERT ON standard_assessment_certificate FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.standard_id, TRUE);
CREATE TRIGGER trace_on_assessment_update AFTER UPDATE ON standard_assessment_certificate FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (NEW.standard_id, TRUE), (OLD.standard_id, TRUE);
CREATE TRIGGER trace_on_assessment_delete AFTER DELETE ON standard_assessment_certificate FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (OLD.standard_id, TRUE);

-- Which issuers are roots: every chain may change.
CREATE TRIGGER trace_on_root_insert AFTER INSERT ON recognised_root_issuer FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (0, TRUE);
CREATE TRIGGER trace_on_root_update AFTER UPDATE ON recognised_root_issuer FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (0, TRUE);
CREATE TRIGGER trace_on_root_delete AFTER DELETE ON recognised_root_issuer FOR EACH ROW
    INSERT INTO trace_change (standard_id, dependents) VALUES (0, TRUE);

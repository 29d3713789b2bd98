-- Calibration schedules, recall and interval adjustment (NCSLI RP-1, ILAC G24 / OIML D 10).
--
-- The calibration interval of an instrument is, first found of:
--   1. the instrument's own interval set by hand (instrument.calibration_interval_months, V1);
--   2. the interval set by hand on the measurement standard it belongs to (added here);
--   3. the interval of the procedure its last calibration followed (procedure_interval, here);
--   4. its type's default interval (instrument_type.default_interval_months, V1), the one that
--      interval analysis adjusts.
-- Its due date is the earlier of the last approved calibration's stated valid_until and the
-- calibration date plus that interval: shortening an interval takes effect at once, lengthening
-- from the next calibration (whose certificate states the longer validity). An instrument never
-- calibrated is due from the day it was registered.

ALTER TABLE measurement_standard
    ADD COLUMN calibration_interval_months INT NULL AFTER established_on,
    ADD CONSTRAINT ck_standard_interval CHECK (calibration_interval_months IS NULL OR calibration_interval_months > 0);

CREATE TABLE procedure_interval (
    procedure_code  VARCHAR(60)  NOT NULL,
    interval_months INT          NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (procedure_code),
    CONSTRAINT ck_procedure_interval CHECK (interval_months > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per instrument: its last approved calibration and its due date, kept fresh through the
-- triggers below whatever code writes calibrations or instruments, so that due lists are one indexed
-- range read instead of a "latest calibration per instrument" over the whole calibration table.
CREATE TABLE calibration_schedule (
    instrument_id              BIGINT       NOT NULL,
    owner_organization_id      BIGINT       NOT NULL,
    measurement_standard_id    BIGINT       NULL,
    instrument_type_id         BIGINT       NOT NULL,
    discipline_id              BIGINT       NOT NULL,
    -- GB/T 2260 code of the owner's region: a region's subtree is a prefix of it
    region_code                CHAR(6)      NOT NULL,
    instrument_status          VARCHAR(16)  NOT NULL,
    last_calibration_id        BIGINT       NULL,
    last_calibrated_on         DATE         NULL,
    last_valid_until           DATE         NULL,
    last_procedure_code        VARCHAR(60)  NULL,
    performing_organization_id BIGINT       NULL,
    technician_id              BIGINT       NULL,
    interval_months            INT          NOT NULL,
    due_on                     DATE         NOT NULL,
    PRIMARY KEY (instrument_id),
    CONSTRAINT fk_schedule_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT ck_schedule_interval CHECK (interval_months > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_schedule_due ON calibration_schedule (instrument_status, due_on);
CREATE INDEX ix_schedule_owner_due ON calibration_schedule (owner_organization_id, instrument_status, due_on);
CREATE INDEX ix_schedule_performer_due ON calibration_schedule (performing_organization_id, instrument_status, due_on);
CREATE INDEX ix_schedule_technician_due ON calibration_schedule (technician_id, due_on);
CREATE INDEX ix_schedule_standard ON calibration_schedule (measurement_standard_id);
CREATE INDEX ix_schedule_type ON calibration_schedule (instrument_type_id);

-- Recomputes the schedule rows of the instruments with ids in [p_from, p_to].
CREATE PROCEDURE refresh_calibration_schedule(IN p_from BIGINT, IN p_to BIGINT)
    INSERT INTO calibration_schedule (instrument_id, owner_organization_id, measurement_standard_id,
                                      instrument_type_id, discipline_id, region_code, instrument_status,
                                      last_calibration_id, last_calibrated_on, last_valid_until,
                                      last_procedure_code, performing_organization_id, technician_id,
                                      interval_months, due_on)
    SELECT i.id, i.owner_organization_id, i.measurement_standard_id, i.instrument_type_id, q.discipline_id,
           r.code, i.status, c.id, c.calibrated_on, c.valid_until, c.procedure_code,
           c.performing_organization_id, c.technician_id,
           COALESCE(i.calibration_interval_months, ms.calibration_interval_months, pi.interval_months,
                    t.default_interval_months),
           CASE WHEN c.id IS NULL THEN DATE(i.created_at)
                ELSE LEAST(COALESCE(c.valid_until, DATE '9999-12-31'),
                           c.calibrated_on + INTERVAL COALESCE(i.calibration_interval_months,
                               ms.calibration_interval_months, pi.interval_months, t.default_interval_months) MONTH)
           END
    FROM instrument i
    JOIN instrument_type t ON t.id = i.instrument_type_id
    JOIN quantity q ON q.id = t.quantity_id
    JOIN organization o ON o.id = i.owner_organization_id
    JOIN region r ON r.id = o.region_id
    LEFT JOIN measurement_standard ms ON ms.id = i.measurement_standard_id
    LEFT JOIN calibration c ON c.id = (SELECT c2.id FROM calibration c2
                                       WHERE c2.instrument_id = i.id AND c2.status = 'APPROVED'
                                       ORDER BY c2.calibrated_on DESC, c2.id DESC LIMIT 1)
    LEFT JOIN procedure_interval pi ON pi.procedure_code = c.procedure_code
    WHERE i.id BETWEEN p_from AND p_to
    ON DUPLICATE KEY UPDATE
        owner_organization_id = VALUE(owner_organization_id),
        measurement_standard_id = VALUE(measurement_standard_id),
        instrument_type_id = VALUE(instrument_type_id),
        discipline_id = VALUE(discipline_id),
        region_code = VALUE(region_code),
        instrument_status = VALUE(instrument_status),
        last_calibration_id = VALUE(last_calibration_id),
        last_calibrated_on = VALUE(last_calibrated_on),
        last_valid_until = VALUE(last_valid_until),
        last_procedure_code = VALUE(last_procedure_code),
        performing_organization_id = VALUE(performing_organization_id),
        technician_id = VALUE(technician_id),
        interval_months = VALUE(interval_months),
        due_on = VALUE(due_on);

-- Which instruments' rows are stale. The triggers only mark (one primary-key insert, cheap enough for
-- the bulk loads of the demo province); readers of the schedule refresh the marked rows first
-- (CalibrationSchedules), and a bulk load ends with a full refresh.
CREATE TABLE calibration_schedule_dirty (
    instrument_id BIGINT NOT NULL,
    PRIMARY KEY (instrument_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER calibration_schedule_on_instrument_insert AFTER INSERT ON instrument FOR EACH ROW
    INSERT IGNORE INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.id);
CREATE TRIGGER calibration_schedule_on_instrument_update AFTER UPDATE ON instrument FOR EACH ROW
    INSERT IGNORE INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.id);
CREATE TRIGGER calibration_schedule_on_calibration_insert AFTER INSERT ON calibration FOR EACH ROW
    INSERT IGNORE INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.instrument_id);
CREATE TRIGGER calibration_schedule_on_calibration_update AFTER UPDATE ON calibration FOR EACH ROW
    INSERT IGNORE INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.instrument_id);

-- ShedLock's JDBC lock table: the daily recall job runs on one app instance at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every reminder sent, once: the unique key is the item, the kind of reminder and the due date it
-- is about. The row is written in the transaction that sends the mail, so a run interrupted midway
-- resumes where it stopped and never sends a reminder twice.
CREATE TABLE reminder_log (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    item_type       VARCHAR(16)  NOT NULL,
    item_id         BIGINT       NOT NULL,
    kind            VARCHAR(24)  NOT NULL,
    due_on          DATE         NOT NULL,
    organization_id BIGINT       NOT NULL,
    recipients      VARCHAR(1000) NOT NULL,
    sent_at         TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_reminder UNIQUE (item_type, item_id, kind, due_on),
    CONSTRAINT fk_reminder_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_reminder_item_type CHECK (item_type IN ('INSTRUMENT', 'CERTIFICATE')),
    CONSTRAINT ck_reminder_kind CHECK (kind IN ('DUE_SOON', 'OVERDUE', 'CERTIFICATE_EXPIRING'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- In-app messages for an organization's portal, written with each reminder.
CREATE TABLE lab_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    organization_id BIGINT        NOT NULL,
    reminder_id     BIGINT        NULL,
    kind            VARCHAR(24)   NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    read_at         TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_lab_message_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_lab_message_reminder FOREIGN KEY (reminder_id) REFERENCES reminder_log (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_lab_message_organization ON lab_message (organization_id, created_at);

-- A lab's weekly calibration capacity per discipline (calibrations per week).
CREATE TABLE lab_capacity (
    organization_id BIGINT       NOT NULL,
    discipline_id   BIGINT       NOT NULL,
    weekly_capacity INT          NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (organization_id, discipline_id),
    CONSTRAINT fk_capacity_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_capacity_discipline FOREIGN KEY (discipline_id) REFERENCES discipline (id),
    CONSTRAINT ck_capacity_non_negative CHECK (weekly_capacity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A technician's decision on an interval recommendation (the audit trail has the same, with before
-- and after); an accepted one has changed instrument_type.default_interval_months.
CREATE TABLE interval_decision (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    instrument_type_id  BIGINT        NOT NULL,
    decision            VARCHAR(16)   NOT NULL,
    previous_months     INT           NOT NULL,
    recommended_months  INT           NOT NULL,
    method              VARCHAR(24)   NOT NULL,
    reason              VARCHAR(500)  NULL,
    decided_by          VARCHAR(64)   NOT NULL,
    decided_at          TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_interval_decision_type FOREIGN KEY (instrument_type_id) REFERENCES instrument_type (id),
    CONSTRAINT ck_interval_decision CHECK (decision IN ('ACCEPTED', 'REJECTED')),
    CONSTRAINT ck_interval_decision_months CHECK (previous_months > 0 AND recommended_months > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_interval_decision_type ON interval_decision (instrument_type_id, decided_at);

-- The triggers that mark an instrument's schedule row stale (V6) wrote INSERT IGNORE. When the mark was there, or
-- had just been taken (deleted) by a due list, InnoDB checked the duplicate with a shared lock and then needed an
-- exclusive one to write: two drafts, submissions or approvals of one instrument at once each held the shared lock
-- and waited for the other's (error 1213, found by the load bench). INSERT … ON DUPLICATE KEY UPDATE takes the
-- exclusive lock at once, so writers of one instrument queue on its mark instead. Same marks as before.
DROP TRIGGER calibration_schedule_on_instrument_insert;
DROP TRIGGER calibration_schedule_on_instrument_update;
DROP TRIGGER calibration_schedule_on_calibration_insert;
DROP TRIGGER calibration_schedule_on_calibration_update;

CREATE TRIGGER calibration_schedule_on_instrument_insert AFTER INSERT ON instrument FOR EACH ROW
    INSERT INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.id)
    ON DUPLICATE KEY UPDATE instrument_id = VALUE(instrument_id);
CREATE TRIGGER calibration_schedule_on_instrument_update AFTER UPDATE ON instrument FOR EACH ROW
    INSERT INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.id)
    ON DUPLICATE KEY UPDATE instrument_id = VALUE(instrument_id);
CREATE TRIGGER calibration_schedule_on_calibration_insert AFTER INSERT ON calibration FOR EACH ROW
    INSERT INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.instrument_id)
    ON DUPLICATE KEY UPDATE instrument_id = VALUE(instrument_id);
CREATE TRIGGER calibration_schedule_on_calibration_update AFTER UPDATE ON calibration FOR EACH ROW
    INSERT INTO calibration_schedule_dirty (instrument_id) VALUES (NEW.instrument_id)
    ON DUPLICATE KEY UPDATE instrument_id = VALUE(instrument_id);

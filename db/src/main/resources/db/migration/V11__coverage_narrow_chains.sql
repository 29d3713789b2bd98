-- The coverage figures and one standard's chain read, per item of a standard's equipment, its latest approved
-- calibration on or before a day (MAX(calibrated_on) for one instrument and status): with the status in the
-- index that look-up is one descent of the index, without reading a row of the calibration table.
CREATE INDEX ix_calibration_instrument_status_date ON calibration (instrument_id, status, calibrated_on);

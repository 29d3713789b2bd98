-- My work's "ready to issue" (approved in the last 90 days, no certificate yet) is counted on every page a
-- technician opens: read it along (performer, status, approval time) instead of every approved record of the
-- laboratory since it started.
CREATE INDEX ix_calibration_performer_status_approved ON calibration (performing_organization_id, status, approved_at);

-- The instrument registry pages owner by owner, in manufacturer, model and serial order (InstrumentRepository.search).
CREATE INDEX ix_instrument_owner_name ON instrument (owner_organization_id, manufacturer, model, serial_no);

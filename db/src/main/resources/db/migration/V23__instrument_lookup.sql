-- The instrument page's lookup finds an instrument by its serial number or asset number alone (typed, or read
-- from a label by a scanner). uk_instrument_serial leads with the manufacturer, so neither had an index: a lookup
-- read the whole register.
CREATE INDEX ix_instrument_serial_no ON instrument (serial_no);
CREATE INDEX ix_instrument_asset_no ON instrument (asset_no);

-- Calibration numbers come from calibration_no_seq. NOCACHE made every NEXTVAL a write to the
-- sequence's own table: for a bulk ingest of thousands of records in one statement that was the
-- largest single cost of the calibration INSERT (about 3 s per 20,000 records on a loaded 2-core
-- machine). With a cache of 100 the server hands out numbers from memory and writes the sequence
-- once per 100 numbers. Numbers stay unique and increasing; a server restart may skip up to 100 of
-- them, as a rolled-back transaction already could — calibration numbers were never gap-free.
ALTER SEQUENCE calibration_no_seq CACHE 100;

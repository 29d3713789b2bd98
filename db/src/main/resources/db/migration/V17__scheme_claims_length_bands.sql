-- Verification schemes (V10), continued: claims that users record and change with their history, and bands that
-- grow with the nominal length.

-- 1. A standard's claimed level is recorded by a technician of its owner or an administrator, with a reason, and is
-- never deleted: a new claim supersedes the current one, a withdrawal ends it. A row is in force from created_at
-- until ended_at (NULL while in force); end_kind says how it ended. At most one claim per standard is in force:
-- current_standard_id is the standard's id while the row is in force and NULL afterwards, and is unique.
ALTER TABLE standard_scheme_claim
    ADD COLUMN reason     VARCHAR(500) NULL AFTER source,
    ADD COLUMN ended_at   TIMESTAMP(6) NULL,
    ADD COLUMN ended_by   VARCHAR(64)  NULL,
    ADD COLUMN end_kind   VARCHAR(16)  NULL,
    ADD COLUMN end_reason VARCHAR(500) NULL,
    ADD COLUMN current_standard_id BIGINT AS (IF(ended_at IS NULL, standard_id, NULL)) PERSISTENT,
    ADD INDEX ix_scheme_claim_standard (standard_id, created_at),
    ADD CONSTRAINT ck_scheme_claim_end CHECK ((ended_at IS NULL AND end_kind IS NULL AND ended_by IS NULL)
        OR (ended_at IS NOT NULL AND end_kind IN ('SUPERSEDED', 'WITHDRAWN') AND ended_by IS NOT NULL));

ALTER TABLE standard_scheme_claim DROP INDEX uk_scheme_claim_standard;

ALTER TABLE standard_scheme_claim ADD CONSTRAINT uk_scheme_claim_current UNIQUE (current_standard_id);

-- 2. Length-dependent bands: some schemes state U as a function of the nominal length, U = a + b·L (gauge blocks,
-- line scales, tapes: "(0.02 + 0.2L) µm, L in m"). Such a level's limits are u_low + u_low_per_length·L and
-- u_high + u_high_per_length·L, in the band's unit, with L in length_unit; the check evaluates them at the upper end
-- of the standard's range. Both coefficients are 0 for a band that does not depend on length.
ALTER TABLE verification_scheme_level
    ADD COLUMN u_low_per_length  DECIMAL(38, 12) NOT NULL DEFAULT 0 AFTER u_high,
    ADD COLUMN u_high_per_length DECIMAL(38, 12) NOT NULL DEFAULT 0 AFTER u_low_per_length,
    ADD COLUMN length_unit       VARCHAR(16)     NULL AFTER u_high_per_length,
    ADD CONSTRAINT ck_scheme_level_length CHECK ((u_low_per_length = 0 AND u_high_per_length = 0)
        OR (band_kind = 'ABSOLUTE' AND length_unit IS NOT NULL AND u_low_per_length >= 0
            AND u_low_per_length <= u_high_per_length));

-- The gauge-block scheme's levels as U = a + b·L in µm with L in m. The coefficients are representative, modelled on
-- the grade uncertainties commonly cited for gauge blocks (1等 0.022 + 0.2L ... 5等 0.6 + 5L), not a legal
-- transcription: check them against the edition in force before relying on a boundary. Each level's lower limit is
-- the upper limit of the level above it.
UPDATE verification_scheme_level l
JOIN verification_scheme s ON s.id = l.scheme_id
JOIN (SELECT 'PRIMARY' AS code, 0 AS a_low, 0 AS b_low, 0.01 AS a_high, 0.1 AS b_high
      UNION ALL SELECT 'GRADE_1', 0.01, 0.1, 0.022, 0.2
      UNION ALL SELECT 'GRADE_2', 0.022, 0.2, 0.06, 0.6
      UNION ALL SELECT 'GRADE_3', 0.06, 0.6, 0.11, 1.0
      UNION ALL SELECT 'GRADE_4', 0.11, 1.0, 0.22, 2.0
      UNION ALL SELECT 'GRADE_5', 0.22, 2.0, 0.6, 5.0
      UNION ALL SELECT 'WORKING', 0.6, 5.0, 1000, 5.0) b ON b.code = l.code
SET l.u_low = b.a_low, l.u_low_per_length = b.b_low, l.u_high = b.a_high, l.u_high_per_length = b.b_high,
    l.length_unit = 'm'
WHERE s.code = 'JJG 2056-1990';

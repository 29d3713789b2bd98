-- Login throttle without a race: an attempt is reserved (a login_failure row written) before its password is
-- checked, under a row lock per account and per client address, so that parallel attempts cannot all pass the
-- check before any of them is counted. A reservation whose password proves right is removed again; one that is
-- refused stays as the failure it is.
CREATE TABLE login_throttle_lock (
    -- 'account:<user name>' or 'address:<client address>'; the row exists only to be locked
    subject VARCHAR(80) NOT NULL,
    PRIMARY KEY (subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How the wrong password arrived: a login (form or HTTP Basic) or an electronic signature. Both count towards the
-- account's limit; only logins count towards an address's (a signature is always the signed-in account's own).
ALTER TABLE login_failure ADD COLUMN via VARCHAR(16) NOT NULL DEFAULT 'LOGIN',
    ADD CONSTRAINT ck_login_failure_via CHECK (via IN ('LOGIN', 'SIGNATURE'));

-- A reservation is pending while its password is being evaluated. Only settled failures (and reservations left
-- pending for longer than an evaluation takes, by a process that died) lock an account or an address; pending ones
-- make further attempts wait for them to settle, so that a burst of parallel attempts never reaches more passwords
-- than the limit, and a client's parallel requests with the right password are not taken for a lock.
ALTER TABLE login_failure ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;

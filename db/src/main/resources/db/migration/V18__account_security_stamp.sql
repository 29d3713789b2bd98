-- A counter that ends every session of an account when it changes: disabling the account, changing its
-- roles and resetting its password increase it, and each request of a signed-in session compares the value
-- it logged in with against this one (briefly cached), so that every app instance on the database agrees.
ALTER TABLE app_user
    ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0 AFTER enabled;

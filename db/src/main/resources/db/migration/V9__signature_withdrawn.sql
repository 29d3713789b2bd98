-- Withdrawing an issued certificate is signed too (21 CFR 11.50): a fifth meaning of an electronic signature.
ALTER TABLE electronic_signature DROP CONSTRAINT ck_signature_meaning;
ALTER TABLE electronic_signature ADD CONSTRAINT ck_signature_meaning
    CHECK (meaning IN ('REVIEWED', 'APPROVED', 'ISSUED', 'PUBLISHED', 'WITHDRAWN'));

-- Batch issue e-mails each certificate to its customer. The customer's contact address is the organization's
-- contact e-mail (administrators edit it, audited); each batch item keeps what became of its e-mail, so that a
-- failed one is shown and can be sent again. An e-mail never touches the certificate: it stays issued whatever
-- the mail server says.
ALTER TABLE organization ADD COLUMN contact_email VARCHAR(200) NULL;

ALTER TABLE certificate_batch_item
    ADD COLUMN mail_status VARCHAR(16)  NULL,
    ADD COLUMN mail_to     VARCHAR(200) NULL,
    ADD COLUMN mail_error  VARCHAR(500) NULL,
    ADD COLUMN mailed_at   TIMESTAMP(6) NULL,
    ADD CONSTRAINT ck_batch_item_mail CHECK (mail_status IS NULL OR mail_status IN ('SENT', 'FAILED', 'NO_CONTACT'));

-- SMS (issue 4): numbers that sent STOP get nothing more until START; the provider's delivery reports per reply.
CREATE TABLE sms_opt_outs (
    phone        text PRIMARY KEY,
    keyword      text NOT NULL,
    opted_out_at timestamptz NOT NULL
);
ALTER TABLE outbox ADD COLUMN provider_status text NULL;
ALTER TABLE outbox ADD COLUMN provider_error text NULL;
ALTER TABLE outbox ADD COLUMN segments integer NULL;

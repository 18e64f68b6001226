-- Self-service status (issue 16 item 5): one-time codes sent to the contact on a case. Only a hash is kept; attempts
-- are counted per code, and requests per case and per address are counted from these rows (rate limits).
CREATE TABLE status_codes (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES cases(id),
    contact_key  text NOT NULL,
    code_hash    text NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    attempts     integer NOT NULL DEFAULT 0,
    used_at      timestamptz NULL
);
CREATE INDEX status_codes_case ON status_codes(case_id, id DESC);
CREATE INDEX status_codes_contact ON status_codes(contact_key, id DESC);

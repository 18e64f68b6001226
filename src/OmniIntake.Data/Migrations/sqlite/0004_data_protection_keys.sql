-- The sign-in cookie key ring, shared by every server process (see DataProtectionKeyStore).
CREATE TABLE data_protection_keys (
    name        text PRIMARY KEY,
    xml         text NOT NULL,
    created_at  text NOT NULL
);

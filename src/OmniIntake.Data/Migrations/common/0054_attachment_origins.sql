-- Issue 16 item 3: where a kept file came from when its source can deliver it again (a Twilio webhook retried:
-- "twilio:<MessageSid>:<index>"), so a medium is fetched and kept once. NULL for files without such an identity.
ALTER TABLE attachment_files ADD COLUMN origin text NULL;
CREATE UNIQUE INDEX attachment_files_origin ON attachment_files(origin) WHERE origin IS NOT NULL;

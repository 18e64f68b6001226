-- Issue 17 item 6: a minutely job remembers up to where it has read (its watermark), so each run reads what changed
-- since, not the history. One row per job.
CREATE TABLE job_watermarks (
    job  text PRIMARY KEY,
    at   text NOT NULL
);

-- Issue 17 item 6: the class sweep keeps the complaints of its 30-day window in memory between its minutely runs and
-- reads only those compared since its last run; without this index that read walked the whole window again. The
-- column is set once per case (when it is compared) and the partial index already made that update a non-HOT one,
-- so the entry costs no extra index writes at intake.
CREATE INDEX cases_similarity_checked ON cases (similarity_checked_at) WHERE similarity_checked_at IS NOT NULL;

-- Forum sources keep how many posts of their latest version the filters ignored (issue 8), shown to supervisors beside those taken.
ALTER TABLE pollers ADD COLUMN ignored bigint NOT NULL DEFAULT 0;

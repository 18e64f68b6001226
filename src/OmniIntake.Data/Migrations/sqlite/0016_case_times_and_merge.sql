-- The times the indicators need, kept on the case as data so reports are queries (issue 6), and merging (a merged
-- case points at the case that answers for it from then on).
ALTER TABLE cases ADD COLUMN owner_answered_at text NULL;
ALTER TABLE cases ADD COLUMN first_replied_at text NULL;
ALTER TABLE cases ADD COLUMN closed_at text NULL;
ALTER TABLE cases ADD COLUMN redispatches integer NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN merged_into_id integer NULL REFERENCES cases(id);
UPDATE cases SET
    owner_answered_at = (SELECT MIN(m.created_at) FROM messages m WHERE m.case_id = cases.id AND m.direction = 'internal' AND m.sender = 'owner'),
    first_replied_at = (SELECT MIN(m.created_at) FROM messages m WHERE m.case_id = cases.id AND m.direction = 'outbound' AND m.author <> 'system'),
    redispatches = (SELECT COUNT(*) FROM audit a WHERE a.case_id = cases.id AND a.action = 'case.forwarded' AND a.detail LIKE '%"redispatch":true%');

-- Classes (policy 5.5, issue 6). A class a person set is theirs: automatic raising leaves it alone.
ALTER TABLE cases ADD COLUMN class_by_hand integer NOT NULL DEFAULT 0;
-- The last time supervisors were told about the case's class (major: at least weekly until handled).
ALTER TABLE cases ADD COLUMN class_notified_at text NULL;
-- When the case's text was compared with the month's other complaints (null: not yet).
ALTER TABLE cases ADD COLUMN similarity_checked_at text NULL;
CREATE INDEX cases_similarity_unchecked ON cases(id) WHERE similarity_checked_at IS NULL;

-- A collective complaint: one case, several complainants, each owed the answer on their own channel.
CREATE TABLE case_parties (
    case_id     integer NOT NULL REFERENCES cases(id),
    contact_id  integer NOT NULL REFERENCES contacts(id),
    added_at    text NOT NULL,
    added_by    text NOT NULL,
    PRIMARY KEY (case_id, contact_id)
);

-- Similar complaints from different people, LINKED (not merged) into a group a supervisor confirms.
CREATE TABLE similar_groups (
    id            integer PRIMARY KEY AUTOINCREMENT,
    created_at    text NOT NULL,
    confirmed_at  text NULL,
    confirmed_by  text NULL
);
CREATE TABLE similar_members (
    case_id    integer PRIMARY KEY REFERENCES cases(id),
    group_id   integer NOT NULL REFERENCES similar_groups(id),
    score      real NOT NULL,
    added_at   text NOT NULL
);
CREATE INDEX similar_members_group ON similar_members(group_id);

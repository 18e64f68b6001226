-- Macros (issue 15 item 7; Zammad and Zendesk macros): one click applies several actions to a case. Shared, defined
-- by supervisors; the actions are a JSON list applied in order (Core/Macros/MacroAction).
CREATE TABLE macros (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    actions     text NOT NULL,
    created_by  text NOT NULL,
    created_at  text NOT NULL,
    updated_by  text NOT NULL,
    updated_at  text NOT NULL
);
-- Changes of shared settings that are not a case's (canned replies, macros): who, when, before and after (issue 15:
-- canned-reply changes audited). Kept when the thing itself is deleted.
CREATE TABLE setting_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    subject     text NOT NULL,
    subject_id  bigint NOT NULL,
    at          text NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    before      text NULL,
    after       text NULL
);
CREATE INDEX setting_changes_subject ON setting_changes(subject, subject_id, id);

-- Macros (issue 15 item 7; Zammad and Zendesk macros): one click applies several actions to a case. Shared, defined
-- by supervisors; the actions are a JSON list applied in order (Core/Macros/MacroAction).
CREATE TABLE macros (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    actions     text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- Changes of shared settings that are not a case's (canned replies, macros): who, when, before and after (issue 15:
-- canned-reply changes audited). Kept when the thing itself is deleted.
CREATE TABLE setting_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject     text NOT NULL,
    subject_id  bigint NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    before      text NULL,
    after       text NULL
);
CREATE INDEX setting_changes_subject ON setting_changes(subject, subject_id, id);

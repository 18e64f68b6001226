-- Canned replies (issue 15 item 4; Zammad text modules, Chatwoot canned responses): shared ones (owner NULL) are
-- managed by supervisors, personal ones by the agent who owns them. One shortcut per owner and language.
CREATE TABLE canned_replies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    shortcut    text NOT NULL,
    title       text NOT NULL,
    language    text NOT NULL,
    body        text NOT NULL,
    owner       text NULL,
    created_by  text NOT NULL,
    created_at  text NOT NULL,
    updated_by  text NOT NULL,
    updated_at  text NOT NULL
);
CREATE UNIQUE INDEX canned_replies_shortcut ON canned_replies (COALESCE(owner, ''), language, shortcut);

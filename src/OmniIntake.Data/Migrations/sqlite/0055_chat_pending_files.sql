-- Issue 16 item 3: files a customer sends in the widget before the dialog has registered the complaint. They are
-- kept (attachment_files) and wait here; the registration takes them onto the case's first message.
CREATE TABLE chat_pending_files (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id text NOT NULL,
    client_id       text NOT NULL,
    file_name       text NOT NULL,
    content_type    text NOT NULL,
    size            integer NOT NULL,
    storage_key     text NOT NULL,
    created_at      text NOT NULL
);
CREATE UNIQUE INDEX chat_pending_files_client ON chat_pending_files(conversation_id, client_id);

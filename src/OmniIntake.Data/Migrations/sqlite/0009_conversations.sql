-- Conversations a guided dialog runs in (issue 5): web chat sessions, and SMS/e-mail dialogs. The dialog's state is
-- stored here between turns, so a restart or another server node continues the same conversation.
CREATE TABLE conversations (
    id             text PRIMARY KEY,
    channel        text NOT NULL,
    token_sha256   text NULL UNIQUE,
    language       text NOT NULL,
    dialog_state   text NULL,
    status         text NOT NULL,
    case_id        bigint NULL REFERENCES cases(id),
    case_number    text NULL,
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    version        integer NOT NULL
);
CREATE INDEX conversations_dialog_idle ON conversations(updated_at) WHERE status = 'dialog';

-- What was said in a conversation, in order: the customer, the bot, the agents. A client's message id makes a
-- message sent twice (a reconnect) one message.
CREATE TABLE conversation_messages (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id  text NOT NULL REFERENCES conversations(id),
    direction        text NOT NULL,
    text             text NOT NULL,
    client_id        text NULL,
    created_at       text NOT NULL
);
CREATE UNIQUE INDEX conversation_messages_client ON conversation_messages(conversation_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX conversation_messages_order ON conversation_messages(conversation_id, id);

-- Issue 12 item 2: a conversation the dialog-expiry job cannot handle is set aside with the reason (listed on the
-- channels page), so it is not tried again every minute and never holds up the other abandoned dialogs.
ALTER TABLE conversations ADD COLUMN set_aside_reason text NULL;
ALTER TABLE conversations ADD COLUMN set_aside_at text NULL;

-- Issue 12 item 3: a customer's message is answered exactly once. answered_at is written in the transaction that saves
-- the turn it took (with the bot's replies, each linked by reply_to), so a message delivered again after a crash either
-- finds its answer or takes its turn now. Messages from before this change were answered (or failed) then.
ALTER TABLE conversation_messages ADD COLUMN answered_at text NULL;
ALTER TABLE conversation_messages ADD COLUMN reply_to bigint NULL;
UPDATE conversation_messages SET answered_at = created_at WHERE direction = 'customer';
CREATE INDEX conversation_messages_reply_to ON conversation_messages(reply_to) WHERE reply_to IS NOT NULL;

-- Issue 12 item 3: the hub's automatic message that follows an inbound message (a receipt, the dialog's next question)
-- is queued once per message: a delivery again after a crash finds it queued.
ALTER TABLE outbox ADD COLUMN once_key text NULL;
CREATE UNIQUE INDEX outbox_once ON outbox(once_key) WHERE once_key IS NOT NULL;

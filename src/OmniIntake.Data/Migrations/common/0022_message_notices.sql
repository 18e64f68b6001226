-- What the hub had to do to a message to keep it (issue 12): its HTML was too complex to clean and only its text is
-- shown, its charset was wrong and was guessed, bytes could not be decoded. A JSON array of stable codes the console
-- shows on the message, so an agent knows the text may not be exactly what the customer sent.
ALTER TABLE messages ADD COLUMN notices text NOT NULL DEFAULT '[]';

-- Customers as people (issue 15 item 2): an agent links two contacts they know to be one person (the same caller by
-- phone and by chat). A link is never deleted: unlinking stamps who and when, so the rows are the audit trail.
CREATE TABLE contact_links (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id        bigint NOT NULL REFERENCES contacts(id),
    other_contact_id  bigint NOT NULL REFERENCES contacts(id),
    reason            text NOT NULL,
    linked_by         text NOT NULL,
    linked_at         timestamptz NOT NULL,
    unlinked_by       text NULL,
    unlinked_at       timestamptz NULL,
    CHECK (contact_id <> other_contact_id)
);
CREATE INDEX contact_links_contact ON contact_links(contact_id) WHERE unlinked_at IS NULL;
CREATE INDEX contact_links_other ON contact_links(other_contact_id) WHERE unlinked_at IS NULL;

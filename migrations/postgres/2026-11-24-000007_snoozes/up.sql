-- Agenda actions put aside: hidden until `hidden_until` (NULL: dismissed, until the next
-- interaction), and lifted as soon as an interaction newer than the one known when
-- snoozing is logged with the contact.
CREATE TABLE snoozes (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    action_id TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    hidden_until TIMESTAMP,
    seen_last_interaction_at TIMESTAMP,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (workspace_id, action_id)
);
CREATE INDEX snoozes_contact ON snoozes (contact_id);

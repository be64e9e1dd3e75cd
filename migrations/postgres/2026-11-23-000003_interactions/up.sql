CREATE TABLE interactions (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    occurred_at TIMESTAMP NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    kind_group TEXT NOT NULL,
    planned BOOLEAN NOT NULL,
    summary TEXT,
    notes TEXT,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX interactions_workspace_occurred ON interactions (workspace_id, occurred_at, id);
CREATE INDEX interactions_workspace_updated ON interactions (workspace_id, updated_at);

-- Who took part in each live interaction, with the facts the per-contact rules need, so
-- that a contact's history is read from one index without touching the interactions.
CREATE TABLE interaction_contacts (
    interaction_id TEXT NOT NULL REFERENCES interactions (id),
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    occurred_at TIMESTAMP NOT NULL,
    kind_group TEXT NOT NULL,
    planned BOOLEAN NOT NULL,
    PRIMARY KEY (interaction_id, contact_id)
);
CREATE INDEX interaction_contacts_contact ON interaction_contacts (contact_id, planned, occurred_at);

ALTER TABLE contacts ADD COLUMN last_interaction_at TIMESTAMP;

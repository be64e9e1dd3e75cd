-- Who knows whom: two people of the workspace (contacts, or a member and a contact) and
-- how. Each end is a contact or a member; undirected kinds are stored once, ends in a
-- canonical order; `reports_to` runs from the one who reports to their manager.
CREATE TABLE connections (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    from_contact_id TEXT REFERENCES contacts (id),
    from_member_id TEXT REFERENCES members (id),
    to_contact_id TEXT REFERENCES contacts (id),
    to_member_id TEXT REFERENCES members (id),
    kind TEXT NOT NULL,
    strength INTEGER NOT NULL,
    note TEXT,
    since DATE,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP,
    CHECK ((from_contact_id IS NULL) <> (from_member_id IS NULL)),
    CHECK ((to_contact_id IS NULL) <> (to_member_id IS NULL))
);
-- One live connection of a kind between the same two people (ids of contacts and members
-- never collide: both are UUIDs).
CREATE UNIQUE INDEX connections_unique ON connections (
    workspace_id, COALESCE(from_contact_id, from_member_id), COALESCE(to_contact_id, to_member_id), kind
) WHERE deleted_at IS NULL;
CREATE INDEX connections_workspace ON connections (workspace_id, id);
CREATE INDEX connections_workspace_updated ON connections (workspace_id, updated_at);
CREATE INDEX connections_from_contact ON connections (from_contact_id);
CREATE INDEX connections_to_contact ON connections (to_contact_id);

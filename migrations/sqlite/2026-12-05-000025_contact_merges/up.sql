-- A contact merged into another: the duplicate stays a tombstone that names the contact
-- it became, for sync (its list entry and its change in the feed).
CREATE TABLE contact_merges (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    duplicate_id TEXT PRIMARY KEY NOT NULL REFERENCES contacts (id),
    survivor_id TEXT NOT NULL REFERENCES contacts (id),
    merged_at TIMESTAMP NOT NULL
);
CREATE INDEX contact_merges_survivor ON contact_merges (survivor_id);
ALTER TABLE changes ADD COLUMN merged_into TEXT;

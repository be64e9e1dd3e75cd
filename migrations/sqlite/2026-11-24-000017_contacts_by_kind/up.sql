-- Contacts of a kind (clients for the unasked insight, referral partners for diversity)
-- without reading the workspace's whole contact table.
CREATE INDEX contacts_workspace_kind ON contacts (workspace_id, relationship_kind);

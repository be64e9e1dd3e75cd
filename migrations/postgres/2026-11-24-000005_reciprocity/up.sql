-- Reciprocity counts a workspace's gives and asks over a window of time.
CREATE INDEX interaction_contacts_workspace ON interaction_contacts (workspace_id, occurred_at);

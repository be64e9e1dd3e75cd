-- A contact's schedule, derived from its last interaction and its cadence (see
-- src/nurture/cadence.rs) and stored so that lists filter on it. Existing contacts get it
-- at the next start of the service (NULL means "not computed yet").
ALTER TABLE contacts ADD COLUMN next_touch_due_at TIMESTAMP;
ALTER TABLE contacts ADD COLUMN overdue_at TIMESTAMP;
CREATE INDEX contacts_workspace_due ON contacts (workspace_id, next_touch_due_at);

-- Workspace-wide nurturing settings; absent means the product's defaults.
CREATE TABLE workspace_settings (
    workspace_id TEXT PRIMARY KEY NOT NULL REFERENCES workspaces (id),
    cadence_days TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- A person joins a workspace only by accepting an invitation addressed to their email
-- (consent): an admin can no longer add a registered user directly, nor learn from the
-- answer whether an email has an account.
CREATE TABLE invitations (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    id TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by TEXT NOT NULL REFERENCES members (id),
    status TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
-- What one person is invited to; and one pending invitation per email and workspace.
CREATE INDEX invitations_email ON invitations (email, status);
CREATE UNIQUE INDEX invitations_pending ON invitations (workspace_id, email) WHERE status = 'pending';

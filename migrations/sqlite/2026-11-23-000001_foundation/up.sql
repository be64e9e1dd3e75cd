-- Portable schema: ids are UUIDv7 text, times are UTC timestamps written by the service
-- (never DEFAULT CURRENT_TIMESTAMP), JSON documents are text.
CREATE TABLE service_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE workspaces (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE members (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (workspace_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (workspace_id, user_id);

CREATE TABLE contacts (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    owner_id TEXT NOT NULL REFERENCES members (id),
    first_name TEXT NOT NULL,
    last_name TEXT,
    emails TEXT NOT NULL,
    phones TEXT NOT NULL,
    company TEXT,
    company_key TEXT,
    title TEXT,
    industry TEXT,
    profession TEXT,
    relationship_kind TEXT NOT NULL,
    how_we_met TEXT,
    met_through_id TEXT REFERENCES contacts (id),
    birthday_month INTEGER,
    birthday_day INTEGER,
    birthday_year INTEGER,
    tags TEXT NOT NULL,
    trust INTEGER,
    cadence_days INTEGER,
    notes TEXT,
    search_text TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX contacts_workspace_id ON contacts (workspace_id, id);
CREATE INDEX contacts_workspace_updated ON contacts (workspace_id, updated_at);
CREATE INDEX contacts_workspace_owner ON contacts (workspace_id, owner_id, id);
CREATE INDEX contacts_workspace_company ON contacts (workspace_id, company_key);

-- API keys for integrations: a secret shown once and stored only as its SHA-256 hash, a
-- set of scopes, an optional expiry. A key acts as the member who created it.
CREATE TABLE api_keys (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    secret_hint TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    expires_at TIMESTAMP,
    last_used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP,
    PRIMARY KEY (workspace_id, id)
);
-- Every authenticated request finds its key by the hash of the secret it sent.
CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);

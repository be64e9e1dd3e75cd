-- Webhooks: endpoints that subscribe to events, and one delivery per event and endpoint.
--
-- Events come from the change feed: a dispatcher follows each workspace's feed from
-- webhook_cursors and writes a delivery for every endpoint an event matches, in the same
-- transaction as it moves the cursor on, so a change is turned into deliveries exactly
-- once. Workers claim due deliveries by pushing next_attempt_at past a lease (on
-- PostgreSQL with FOR UPDATE SKIP LOCKED), so an instance that dies mid-attempt leaves the
-- delivery to be tried again when the lease ends: at least once, never lost.
CREATE TABLE webhook_endpoints (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Space-separated event types, `*` for all.
    event_types TEXT NOT NULL,
    -- Only events of resources this member owns, when set.
    member_id TEXT REFERENCES members (id),
    enabled BOOLEAN NOT NULL,
    disabled_reason TEXT,
    -- The signing secret: needed in clear to sign, so it is never shown again after
    -- creation or rotation.
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    -- The feed position when the endpoint was made: it gets only later changes.
    since_seq BIGINT NOT NULL,
    -- When its deliveries began to fail without a success since.
    failing_since TIMESTAMP,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- How far the dispatcher has turned each workspace's feed into deliveries.
CREATE TABLE webhook_cursors (
    workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id),
    seq BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    -- Also the `webhook-id` header: the same on every attempt.
    id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    -- The feed position of the change it reports; null for tests and digests.
    seq BIGINT,
    -- The exact body sent on every attempt.
    payload TEXT NOT NULL,
    -- pending, succeeded or failed.
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    -- When the next attempt is due (for a claimed delivery: when its lease ends); null once
    -- it succeeded or failed.
    next_attempt_at TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_status_code INTEGER,
    last_latency_ms INTEGER,
    -- The start of the last response body, or why there was none.
    last_response TEXT,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (workspace_id, endpoint_id, id);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (finished_at) WHERE finished_at IS NOT NULL;

-- The previous state of a resource (what status it had, whom it belonged to) for events
-- that compare.
CREATE INDEX changes_by_resource ON changes (workspace_id, resource_id, seq);

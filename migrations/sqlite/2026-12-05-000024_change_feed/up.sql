-- The change feed: one log of every change to a workspace's resources, in commit order.
--
-- A write transaction notes what it touched in pending_changes as it goes (a savepoint
-- that rolls back takes its notes with it). Just before it commits, it numbers the
-- resources it touched from its workspace's feed head and writes each one's state into
-- changes. Taking the head's row lock is the last thing a writer does, so positions are
-- handed out in commit order: a reader can never see position n + 1 while n is still to
-- commit, and so never passes over a change.
CREATE TABLE pending_changes (
    workspace_id TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    op TEXT NOT NULL
);

CREATE TABLE feed_heads (
    workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id),
    -- The position of the workspace's last change.
    seq BIGINT NOT NULL DEFAULT 0,
    -- Changes up to here have passed the retention and are gone.
    pruned_through BIGINT NOT NULL DEFAULT 0
);
INSERT INTO feed_heads (workspace_id) SELECT id FROM workspaces;

CREATE TABLE changes (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    seq BIGINT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    op TEXT NOT NULL,
    version BIGINT,
    changed_at TIMESTAMP NOT NULL,
    -- The resource as its GET showed it at the change (JSON); null for a deletion.
    data TEXT,
    PRIMARY KEY (workspace_id, seq)
);
CREATE INDEX changes_by_time ON changes (workspace_id, changed_at);

-- An introduction: received (a referrer introduced us to a prospect) or given (we
-- introduced two of our contacts to each other), and what it turned into.
CREATE TABLE introductions (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    direction TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    referrer_id TEXT REFERENCES contacts (id),
    prospect_id TEXT REFERENCES contacts (id),
    request_id TEXT REFERENCES referral_requests (id),
    first_contact_id TEXT REFERENCES contacts (id),
    second_contact_id TEXT REFERENCES contacts (id),
    interaction_id TEXT REFERENCES interactions (id),
    status TEXT NOT NULL,
    introduced_at TIMESTAMP NOT NULL,
    meeting_at TIMESTAMP,
    deal_value_cents BIGINT,
    currency TEXT,
    closed_at TIMESTAMP,
    notes TEXT,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX introductions_workspace ON introductions (workspace_id, id);
CREATE INDEX introductions_workspace_updated ON introductions (workspace_id, updated_at);
CREATE INDEX introductions_referrer ON introductions (referrer_id);

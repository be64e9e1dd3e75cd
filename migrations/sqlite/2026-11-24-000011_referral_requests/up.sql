-- An ask for a referral: the referrer (a contact), who we want to meet (a contact, or a
-- person not in the network yet), why, and where it stands.
CREATE TABLE referral_requests (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    referrer_id TEXT NOT NULL REFERENCES contacts (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    target_contact_id TEXT REFERENCES contacts (id),
    target_name TEXT,
    target_company TEXT,
    target_title TEXT,
    business_reason TEXT,
    ideal_introduction TEXT,
    notes TEXT,
    status TEXT NOT NULL,
    ask_channel TEXT,
    asked_at TIMESTAMP,
    ask_interaction_id TEXT REFERENCES interactions (id),
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX referral_requests_workspace ON referral_requests (workspace_id, id);
CREATE INDEX referral_requests_workspace_updated ON referral_requests (workspace_id, updated_at);
CREATE INDEX referral_requests_referrer ON referral_requests (referrer_id, status);

-- Every status a request took, in order.
CREATE TABLE referral_request_events (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES referral_requests (id),
    status TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    at TIMESTAMP NOT NULL
);
CREATE INDEX referral_request_events_request ON referral_request_events (request_id, at);

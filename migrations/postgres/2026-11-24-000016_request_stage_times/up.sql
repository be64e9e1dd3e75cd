-- When a request first reached each stage past the ask, on the request itself: the funnel
-- reads one row per request instead of its whole history. Statuses only move forward, so
-- each is reached at most once; `ended_at` is when it was won, lost, declined or withdrawn.
ALTER TABLE referral_requests ADD COLUMN agreed_at TIMESTAMP;
ALTER TABLE referral_requests ADD COLUMN introduced_at TIMESTAMP;
ALTER TABLE referral_requests ADD COLUMN meeting_held_at TIMESTAMP;
ALTER TABLE referral_requests ADD COLUMN ended_at TIMESTAMP;
UPDATE referral_requests SET
    agreed_at = (SELECT MIN(e.at) FROM referral_request_events e
                 WHERE e.request_id = referral_requests.id AND e.status = 'agreed'),
    introduced_at = (SELECT MIN(e.at) FROM referral_request_events e
                     WHERE e.request_id = referral_requests.id AND e.status = 'introduced'),
    meeting_held_at = (SELECT MIN(e.at) FROM referral_request_events e
                       WHERE e.request_id = referral_requests.id AND e.status = 'meeting_held'),
    ended_at = (SELECT MIN(e.at) FROM referral_request_events e
                WHERE e.request_id = referral_requests.id
                  AND e.status IN ('won', 'lost', 'declined', 'withdrawn'));
CREATE INDEX referral_requests_asked ON referral_requests (workspace_id, asked_at);

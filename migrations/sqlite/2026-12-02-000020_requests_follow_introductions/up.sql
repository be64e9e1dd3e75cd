-- One funnel: a request follows the introduction that answers it (met → meeting_held,
-- won → won, lost or no_response → lost), forward only and along legal moves. Until now
-- a request stayed `introduced` whatever its introduction became; this brings those rows
-- in line, with the history events and stage times the live code writes. A request that
-- passes two stages (introduced → meeting_held → won) gets both events.
--
-- Stage times: a meeting is dated by the introduction's `meeting_at` when it lies between
-- the introduction and its close, else by the close (or the last change of a `met` one);
-- won and lost by the introduction's `closed_at`.

-- 1. Met or won: the meeting was held.
INSERT INTO referral_request_events (id, request_id, status, member_id, at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))), r.id, 'meeting_held', i.member_id,
       CASE WHEN i.meeting_at IS NOT NULL AND i.meeting_at >= r.introduced_at
                 AND i.meeting_at <= COALESCE(i.closed_at, i.updated_at)
            THEN i.meeting_at ELSE COALESCE(i.closed_at, i.updated_at) END
FROM referral_requests r
JOIN introductions i ON i.request_id = r.id AND i.workspace_id = r.workspace_id
WHERE r.status = 'introduced' AND r.deleted_at IS NULL
  AND i.direction = 'received' AND i.deleted_at IS NULL AND i.status IN ('met', 'won');

UPDATE referral_requests SET
    status = 'meeting_held',
    meeting_held_at = (SELECT MAX(e.at) FROM referral_request_events e
                       WHERE e.request_id = referral_requests.id AND e.status = 'meeting_held'),
    version = version + 1,
    updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE status = 'introduced' AND deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM introductions i
              WHERE i.request_id = referral_requests.id AND i.workspace_id = referral_requests.workspace_id
                AND i.direction = 'received' AND i.deleted_at IS NULL AND i.status IN ('met', 'won'));

-- 2. Won after the meeting; lost or unanswered after the introduction or the meeting.
INSERT INTO referral_request_events (id, request_id, status, member_id, at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))), r.id,
       CASE WHEN i.status = 'won' THEN 'won' ELSE 'lost' END,
       i.member_id, COALESCE(i.closed_at, i.updated_at)
FROM referral_requests r
JOIN introductions i ON i.request_id = r.id AND i.workspace_id = r.workspace_id
WHERE r.deleted_at IS NULL AND i.direction = 'received' AND i.deleted_at IS NULL
  AND ((r.status = 'meeting_held' AND i.status = 'won')
       OR (r.status IN ('introduced', 'meeting_held') AND i.status IN ('lost', 'no_response')));

UPDATE referral_requests SET
    status = (SELECT CASE WHEN i.status = 'won' THEN 'won' ELSE 'lost' END FROM introductions i
              WHERE i.request_id = referral_requests.id AND i.workspace_id = referral_requests.workspace_id
                AND i.direction = 'received' AND i.deleted_at IS NULL
                AND i.status IN ('won', 'lost', 'no_response')
              ORDER BY i.id LIMIT 1),
    ended_at = (SELECT COALESCE(i.closed_at, i.updated_at) FROM introductions i
                WHERE i.request_id = referral_requests.id AND i.workspace_id = referral_requests.workspace_id
                  AND i.direction = 'received' AND i.deleted_at IS NULL
                  AND i.status IN ('won', 'lost', 'no_response')
                ORDER BY i.id LIMIT 1),
    version = version + 1,
    updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE deleted_at IS NULL
  AND ((status = 'meeting_held' AND EXISTS (
            SELECT 1 FROM introductions i
            WHERE i.request_id = referral_requests.id AND i.workspace_id = referral_requests.workspace_id
              AND i.direction = 'received' AND i.deleted_at IS NULL AND i.status = 'won'))
       OR (status IN ('introduced', 'meeting_held') AND EXISTS (
            SELECT 1 FROM introductions i
            WHERE i.request_id = referral_requests.id AND i.workspace_id = referral_requests.workspace_id
              AND i.direction = 'received' AND i.deleted_at IS NULL AND i.status IN ('lost', 'no_response'))));

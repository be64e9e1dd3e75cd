-- What a received introduction still owes its referrer, kept on the introduction so that
-- the agenda reads only the owed ones instead of probing the referrer's interactions for
-- every introduction ever received. Recomputed by every write that could change it.
-- owes_thanks: no thank-you sent to the referrer since the introduction.
-- owes_outcome: won or lost, and the referrer not told since it closed.
ALTER TABLE introductions ADD COLUMN owes_thanks BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE introductions ADD COLUMN owes_outcome BOOLEAN NOT NULL DEFAULT 0;
UPDATE introductions SET
    owes_thanks = NOT EXISTS (
        SELECT 1 FROM interaction_contacts ic
        WHERE ic.contact_id = introductions.referrer_id AND ic.kind = 'thanks_sent'
          AND ic.planned = 0 AND ic.occurred_at >= introductions.introduced_at),
    owes_outcome = (introductions.status IN ('won', 'lost')
        AND introductions.closed_at IS NOT NULL
        AND NOT EXISTS (
            SELECT 1 FROM interaction_contacts ic
            WHERE ic.contact_id = introductions.referrer_id AND ic.kind = 'outcome_shared'
              AND ic.planned = 0 AND ic.occurred_at >= introductions.closed_at))
WHERE direction = 'received';

-- The kind of each interaction beside its contacts, so that "the last thank-you from
-- them" or "were they ever asked" reads one index instead of every interaction row.
ALTER TABLE interaction_contacts ADD COLUMN kind TEXT NOT NULL DEFAULT '';
UPDATE interaction_contacts SET kind = (
    SELECT interactions.kind FROM interactions WHERE interactions.id = interaction_contacts.interaction_id
);
CREATE INDEX interaction_contacts_contact_kind ON interaction_contacts (contact_id, kind, planned, occurred_at);

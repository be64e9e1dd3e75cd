-- Contact views count each contact's gives and asks of the last twelve months; with the
-- group in the index, that count reads no table row however long the history grows.
DROP INDEX interaction_contacts_contact;
CREATE INDEX interaction_contacts_contact ON interaction_contacts (contact_id, planned, occurred_at, kind_group);

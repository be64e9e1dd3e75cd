DROP INDEX interaction_contacts_contact;
CREATE INDEX interaction_contacts_contact ON interaction_contacts (contact_id, planned, occurred_at);

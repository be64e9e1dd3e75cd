DROP INDEX interaction_contacts_contact_kind;
ALTER TABLE interaction_contacts DROP COLUMN kind;

ALTER TABLE contacts DROP COLUMN last_interaction_at;
DROP TABLE interaction_contacts;
DROP TABLE interactions;

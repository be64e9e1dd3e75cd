ALTER TABLE changes DROP COLUMN merged_into;
DROP TABLE contact_merges;

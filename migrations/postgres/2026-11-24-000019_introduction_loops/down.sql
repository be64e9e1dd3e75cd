ALTER TABLE introductions DROP COLUMN owes_outcome;
ALTER TABLE introductions DROP COLUMN owes_thanks;

ALTER TABLE members DROP COLUMN removed_at;

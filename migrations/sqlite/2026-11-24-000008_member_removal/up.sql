-- Removing a member keeps the row, so that the interactions they had still name them;
-- rejoining the workspace revives the same member.
ALTER TABLE members ADD COLUMN removed_at TIMESTAMP;

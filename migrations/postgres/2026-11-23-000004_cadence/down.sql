DROP TABLE workspace_settings;
DROP INDEX contacts_workspace_due;
ALTER TABLE contacts DROP COLUMN overdue_at;
ALTER TABLE contacts DROP COLUMN next_touch_due_at;

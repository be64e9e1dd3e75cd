DROP INDEX contacts_agenda;
DROP INDEX contacts_occasions;
CREATE INDEX contacts_workspace_due ON contacts (workspace_id, next_touch_due_at);
ALTER TABLE contacts DROP COLUMN occasion_months;

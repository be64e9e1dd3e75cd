ALTER TABLE workspace_settings DROP COLUMN weekly_ask_goals;

-- Each member's goal of referral asks per week: {"<member id>": n} as JSON.
ALTER TABLE workspace_settings ADD COLUMN weekly_ask_goals TEXT NOT NULL DEFAULT '{}';

-- Other dates that matter on a contact: [{label, month, day, year}] as JSON.
ALTER TABLE contacts ADD COLUMN important_dates TEXT NOT NULL DEFAULT '[]';

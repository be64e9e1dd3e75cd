ALTER TABLE contacts DROP COLUMN important_dates;

ALTER TABLE members DROP COLUMN digest_sent_on;
ALTER TABLE members DROP COLUMN digest_time_zone;
ALTER TABLE members DROP COLUMN digest_hour;

-- The daily digest webhook: the hour each member wants theirs at, in their time zone, and
-- the local day it last went out (claimed by a conditional update, so it goes out once a
-- day however many instances run).
ALTER TABLE members ADD COLUMN digest_hour INTEGER NOT NULL DEFAULT 8;
ALTER TABLE members ADD COLUMN digest_time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE members ADD COLUMN digest_sent_on DATE;

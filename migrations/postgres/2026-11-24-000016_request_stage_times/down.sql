DROP INDEX referral_requests_asked;
ALTER TABLE referral_requests DROP COLUMN ended_at;
ALTER TABLE referral_requests DROP COLUMN meeting_held_at;
ALTER TABLE referral_requests DROP COLUMN introduced_at;
ALTER TABLE referral_requests DROP COLUMN agreed_at;

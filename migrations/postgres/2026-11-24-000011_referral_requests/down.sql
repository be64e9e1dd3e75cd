DROP TABLE referral_request_events;
DROP TABLE referral_requests;

-- When the write a claimed Idempotency-Key guards committed: set in that write's own
-- transaction, so that a key whose response was never stored (the process died between
-- the commit and the record) is known to have been carried out and is never run twice.
ALTER TABLE idempotency_keys ADD COLUMN committed_at TIMESTAMP;

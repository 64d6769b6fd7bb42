-- expired idempotency records are deleted by age.
CREATE INDEX idempotency_created ON idempotency(created_at);

-- rate-limit buckets shared by every server instance (used with PostgreSQL; one SQLite
-- instance counts in memory)
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    updated_ms BIGINT NOT NULL
);
CREATE INDEX rate_limits_updated ON rate_limits(updated_ms);

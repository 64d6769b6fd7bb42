-- the staff workspace: plans get a publication status (the plans so far are published), a
-- version that every staff write bumps (the ETag of optimistic locking), who created them, and
-- who may comment and with which map tools; every staff write is kept in the audit log
ALTER TABLE plans ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
    CHECK (status IN ('draft', 'published', 'archived'));
ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plans ADD COLUMN created_by TEXT;
ALTER TABLE plans ADD COLUMN commenting TEXT NOT NULL DEFAULT 'anyone'
    CHECK (commenting IN ('anyone', 'signed_in', 'strong', 'nobody'));
ALTER TABLE plans ADD COLUMN map_tools TEXT NOT NULL DEFAULT 'all'
    CHECK (map_tools IN ('none', 'point', 'all'));
CREATE INDEX plans_status ON plans(status);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_sub TEXT NOT NULL,
    actor_name TEXT,
    action TEXT NOT NULL,
    item_type TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_item ON audit_log(item_type, item_id, id);

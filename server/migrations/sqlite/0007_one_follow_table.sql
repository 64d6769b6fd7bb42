-- one table for following projects, plans and events (keeps every existing follow)
CREATE TABLE follows_all (
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('project', 'plan', 'event')),
    item_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, kind, item_id)
);
INSERT INTO follows_all (participant_id, kind, item_id, created_at)
    SELECT participant_id, 'project', project_id, created_at FROM follows;
INSERT INTO follows_all (participant_id, kind, item_id, created_at)
    SELECT participant_id, kind, item_id, created_at FROM item_follows;
DROP TABLE item_follows;
DROP TABLE follows;
ALTER TABLE follows_all RENAME TO follows;
CREATE INDEX follows_item ON follows(kind, item_id);

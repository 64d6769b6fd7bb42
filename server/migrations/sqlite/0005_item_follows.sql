-- participants follow plans and events too (projects keep the `follows` table).
CREATE TABLE item_follows (
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'event')),
    item_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, kind, item_id)
);
CREATE INDEX item_follows_item ON item_follows(kind, item_id);

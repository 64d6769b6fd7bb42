-- the initial schema.
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    area_name TEXT NOT NULL,
    phase TEXT NOT NULL,
    geometry TEXT NOT NULL,
    min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
    comments_open_at INTEGER NOT NULL,
    comments_close_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE plan_phases (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    PRIMARY KEY (plan_id, phase)
);

CREATE TABLE plan_documents (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL
);

CREATE TABLE plan_contacts (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    organization TEXT NOT NULL,
    email TEXT,
    phone TEXT
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single_choice', 'multiple_choice')),
    text TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE question_options (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES comments(id),
    participant_id INTEGER REFERENCES participants(id),
    text TEXT NOT NULL,
    nickname TEXT,
    geometry TEXT,
    min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
    created_at INTEGER NOT NULL,
    n_votes INTEGER NOT NULL DEFAULT 0,
    n_replies INTEGER NOT NULL DEFAULT 0,
    n_reports INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'visible' CHECK (state IN ('visible', 'hidden')),
    hidden_reason TEXT
);
CREATE INDEX comments_plan_new ON comments(plan_id, parent_id, created_at DESC, id DESC);
CREATE INDEX comments_plan_votes ON comments(plan_id, parent_id, n_votes DESC, id DESC);

CREATE TABLE comment_answers (
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    option_id INTEGER NOT NULL REFERENCES question_options(id),
    PRIMARY KEY (comment_id, question_id, option_id)
);
CREATE INDEX comment_answers_option ON comment_answers(option_id);

CREATE TABLE votes (
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (comment_id, participant_id)
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    reporter TEXT NOT NULL,
    reason TEXT NOT NULL,
    details TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (comment_id, reporter)
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    geometry TEXT,
    starts_on TEXT,
    ends_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE project_plans (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, plan_id)
);

CREATE TABLE project_updates (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at INTEGER NOT NULL
);
CREATE INDEX project_updates_project ON project_updates(project_id, published_at DESC);

CREATE TABLE follows (
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, project_id)
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    topics TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    venue_name TEXT,
    venue_address TEXT,
    lon REAL,
    lat REAL,
    online_url TEXT,
    is_free INTEGER NOT NULL,
    price TEXT,
    capacity INTEGER,
    project_id INTEGER REFERENCES projects(id),
    status TEXT NOT NULL DEFAULT 'scheduled',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_start ON events(starts_at);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    name TEXT NOT NULL,
    email TEXT,
    seats INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('attending', 'waitlisted', 'cancelled')),
    cancel_token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    promoted_at INTEGER,
    cancelled_at INTEGER
);
CREATE INDEX registrations_event ON registrations(event_id, status, id);
CREATE UNIQUE INDEX registrations_one_active ON registrations(event_id, participant_id) WHERE status != 'cancelled';

CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    headers TEXT,
    body BLOB,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);

-- lower-cased text of all languages for case-insensitive search (filled by `refresh_search`).
ALTER TABLE plans ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';

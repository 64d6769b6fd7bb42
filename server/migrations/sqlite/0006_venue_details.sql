-- a venue's area of the town (filter) and its accessibility (localized JSON texts).
ALTER TABLE events ADD COLUMN venue_area TEXT;
ALTER TABLE events ADD COLUMN venue_accessibility TEXT;

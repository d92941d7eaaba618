-- Trigram matching for accent- and typo-tolerant search (PGlite ships it; Debian's in postgresql-contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

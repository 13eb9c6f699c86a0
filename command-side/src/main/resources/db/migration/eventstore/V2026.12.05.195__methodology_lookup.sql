-- The CommandLookup "methodology_lookup" (ro.marc.command.methodology.MethodologyLookup): every published version
-- of the methodology (Anexa 6–9) with its tables as JSON (MethodologyContent), for the handlers that evaluate a
-- risk (the current version) or show an evaluation's version. Written in the transaction of every
-- MethodologyVersionPublished; never read by the query side.
CREATE TABLE methodology_lookup (
    version INTEGER PRIMARY KEY CHECK (version > 0),
    content JSONB   NOT NULL
);

-- methodology-postgres (ro.marc.query.methodology.MethodologyReadModelProjection): every published version of the
-- methodology (Anexa 6–9) — the probability and impact scales, the measure-effectiveness grid and the priority
-- bands as JSON (MethodologyContent, as the event carries it) — with its note, who published it and when.
-- UCA 75–77: readable by every role.
CREATE TABLE methodology_version (
    version      INTEGER     PRIMARY KEY CHECK (version > 0),
    content      JSONB       NOT NULL,
    note         TEXT        NOT NULL,
    -- the publisher's account id, or "system" for version 1 published by MARC at first start
    published_by TEXT,
    published_at TIMESTAMPTZ NOT NULL
);

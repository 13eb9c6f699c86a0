-- nomenclature-elasticsearch: which documents carry an activity's fields (its tasks, documents, risks,
-- regulatory causes) or a task's name (its documents), written by the group's own handlers. Revising an
-- activity or a task rewrites exactly these, read back by id (realtime), instead of flushing the batch,
-- refreshing the index and searching by parent id for every revision. Filled by replaying the event store:
-- V2026.12.05.42 (or V2026.12.05.82, for an installation that already ran .42) asks for the rebuild.
CREATE TABLE nomenclature_search_child (
    parent_id UUID NOT NULL,
    child_id  UUID NOT NULL,
    PRIMARY KEY (parent_id, child_id)
);
-- a regulatory cause edited onto another activity leaves the old one
CREATE INDEX nomenclature_search_child_child ON nomenclature_search_child (child_id);

-- The management questionnaire (Anexa 2) read model, written by the processing group "questionnaire-postgres"
-- from its own events only: the standard questionnaire's published versions and their questions, and every
-- answer (one per plan and respondent) with its items. Structure and respondent names are the copies the
-- answer events carry.
CREATE TABLE questionnaire_version (
    version      INTEGER     PRIMARY KEY,
    published_at TIMESTAMPTZ NOT NULL,
    published_by TEXT
);

CREATE TABLE questionnaire_question (
    version     INTEGER NOT NULL REFERENCES questionnaire_version (version) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    question_id UUID    NOT NULL,
    text        TEXT    NOT NULL,
    help        TEXT,
    kind        TEXT    NOT NULL,
    PRIMARY KEY (version, position)
);

CREATE TABLE questionnaire_answer (
    id                    UUID        PRIMARY KEY,
    plan_id               UUID        NOT NULL,
    org_unit_id           UUID        NOT NULL,
    org_unit_name         TEXT,
    respondent_user_id    UUID        NOT NULL,
    respondent_name       TEXT,
    questionnaire_version INTEGER     NOT NULL,
    status                TEXT        NOT NULL,
    -- the answer aggregate's sequence number + 1 (what clients send as expectedVersion) and its sequence
    version               BIGINT      NOT NULL,
    last_event_seq        BIGINT      NOT NULL,
    started_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    finalised_at          TIMESTAMPTZ
);
CREATE INDEX questionnaire_answer_by_org_unit ON questionnaire_answer (org_unit_id, plan_id);
CREATE INDEX questionnaire_answer_by_respondent ON questionnaire_answer (respondent_user_id, plan_id);

CREATE TABLE questionnaire_answer_item (
    answer_id   UUID    NOT NULL REFERENCES questionnaire_answer (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    question_id UUID    NOT NULL,
    text        TEXT,
    yes         BOOLEAN,
    PRIMARY KEY (answer_id, position)
);

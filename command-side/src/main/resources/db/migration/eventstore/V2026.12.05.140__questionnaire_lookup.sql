-- The CommandLookup "questionnaire_question_lookup": the questions of every published version of the
-- standard management questionnaire (Anexa 2), for the answer handlers (the version an answer starts on,
-- the question ids it may answer). Written in the transaction of every QuestionnairePublished.
CREATE TABLE questionnaire_question_lookup (
    version     INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    question_id UUID    NOT NULL,
    text        TEXT    NOT NULL,
    help        TEXT,
    kind        TEXT    NOT NULL,
    PRIMARY KEY (version, position)
);

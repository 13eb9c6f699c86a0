-- Read-model text columns no longer carry their own length limits (issue 8, finding 1).
--
-- The limits are the command side's (names: 200 characters, Names.MAX_LENGTH; e-mail, act and
-- article numbers: validated there too); a read model only copies what an accepted event says, and
-- a column narrower than what the command side accepts turns one accepted event into a projection
-- failure. The folded copies (name_folded, display_name_folded) are the worst case: RomanianText.fold
-- decomposes (NFD) before it strips diacritics, and a Hangul syllable decomposes into 2-3 letters that
-- are not combining marks, so "한" x 170 (170 characters, accepted) folds to 510 characters and did not
-- fit VARCHAR(200). Whatever fold becomes, no VARCHAR(n) can be derived safely for every copy and
-- every future change of it, so every free-text column is TEXT (in PostgreSQL the same storage as
-- VARCHAR, no length check); columns holding enum names or county codes keep their sizes.
--
-- Index entries stay far below PostgreSQL's B-tree limit (2704 bytes): a 200-character name folds to at
-- most 600 letters of at most 3 bytes (1800 bytes). VARCHAR -> TEXT is binary-compatible: PostgreSQL
-- rewrites neither the tables nor their indexes.

ALTER TABLE org_unit ALTER COLUMN name TYPE TEXT, ALTER COLUMN name_folded TYPE TEXT;
ALTER TABLE work_unit ALTER COLUMN name TYPE TEXT, ALTER COLUMN name_folded TYPE TEXT;

ALTER TABLE app_user ALTER COLUMN display_name TYPE TEXT, ALTER COLUMN display_name_folded TYPE TEXT,
                     ALTER COLUMN email TYPE TEXT;
ALTER TABLE app_user_transfer ALTER COLUMN previous_display_name TYPE TEXT, ALTER COLUMN previous_email TYPE TEXT,
                              ALTER COLUMN display_name TYPE TEXT, ALTER COLUMN email TYPE TEXT;
ALTER TABLE working_group ALTER COLUMN name TYPE TEXT;

ALTER TABLE nomenclature_domain ALTER COLUMN name TYPE TEXT, ALTER COLUMN name_folded TYPE TEXT;
ALTER TABLE nomenclature_item ALTER COLUMN name TYPE TEXT, ALTER COLUMN name_folded TYPE TEXT;
ALTER TABLE nomenclature_attachment ALTER COLUMN name TYPE TEXT;
ALTER TABLE reference_entry ALTER COLUMN name TYPE TEXT, ALTER COLUMN name_folded TYPE TEXT;
ALTER TABLE regulatory_cause ALTER COLUMN act_number TYPE TEXT, ALTER COLUMN article_number TYPE TEXT;
ALTER TABLE notification ALTER COLUMN title TYPE TEXT, ALTER COLUMN activity_name TYPE TEXT,
                         ALTER COLUMN task_name TYPE TEXT;

-- Axon truncates a dead letter's cause message to 1023 characters, which fitted; TEXT so that a
-- cause can never be the reason a dead letter is not stored.
ALTER TABLE dead_letter_entry ALTER COLUMN cause_message TYPE TEXT, ALTER COLUMN cause_type TYPE TEXT;

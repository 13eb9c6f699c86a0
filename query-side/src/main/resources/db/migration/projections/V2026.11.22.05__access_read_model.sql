-- Read model of the access directory (accounts, their roles and transfer history, working groups),
-- written only by AccessReadModelProjection. All these events belong to the single stream
-- "marc-access", so last_event_seq (that stream's sequence number of the last event applied to the
-- row) guards every write: replaying events changes nothing.
CREATE TABLE app_user (
    id                  UUID         PRIMARY KEY,
    -- the identity provider's identity (token iss + sub); a transfer (G05) replaces it
    issuer              TEXT         NOT NULL,
    subject             TEXT         NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    display_name_folded VARCHAR(200) NOT NULL,
    email               VARCHAR(320),
    org_unit_id         UUID         NOT NULL,
    active              BOOLEAN      NOT NULL,
    version             BIGINT       NOT NULL,
    last_event_seq      BIGINT       NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    -- the aggregate links an identity to one account at a time; events applied in stream order
    -- (and replays, which skip already applied events) never see two rows with the same identity.
    -- Also the index of the per-request lookup by identity.
    CONSTRAINT app_user_identity UNIQUE (issuer, subject)
);
CREATE INDEX app_user_org_unit ON app_user (org_unit_id);
-- listings by name with keyset (cursor) pagination
CREATE INDEX app_user_name ON app_user (display_name_folded, id);

-- The roles held, with their terms: counties (two-letter codes, sorted) for a territorial
-- administrator, the A103 flag for an integrity counsellor.
CREATE TABLE app_user_role (
    user_id                 UUID        NOT NULL,
    role                    VARCHAR(40) NOT NULL,
    counties                TEXT[]      NOT NULL DEFAULT '{}',
    follows_member_workflow BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (user_id, role)
);
-- holders of a role (e.g. counting the active central administrators)
CREATE INDEX app_user_role_by_role ON app_user_role (role, user_id);

-- Transfer history (G05): one row per UserTransferred, seq being the event's sequence number.
CREATE TABLE app_user_transfer (
    user_id               UUID         NOT NULL,
    seq                   BIGINT       NOT NULL,
    at                    TIMESTAMPTZ  NOT NULL,
    previous_issuer       TEXT         NOT NULL,
    previous_subject      TEXT         NOT NULL,
    previous_display_name VARCHAR(200) NOT NULL,
    previous_email        VARCHAR(320),
    issuer                TEXT         NOT NULL,
    subject               TEXT         NOT NULL,
    display_name          VARCHAR(200) NOT NULL,
    email                 VARCHAR(320),
    details               TEXT,
    -- the acting account (event metadata "userId"; "system" for MARC itself)
    by_user_id            TEXT,
    PRIMARY KEY (user_id, seq)
);

-- The working group for the prevention of corruption of an org unit (one per org unit).
CREATE TABLE working_group (
    id             UUID         PRIMARY KEY,
    org_unit_id    UUID         NOT NULL UNIQUE,
    name           VARCHAR(200) NOT NULL,
    leader_id      UUID,
    version        BIGINT       NOT NULL,
    last_event_seq BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE working_group_member (
    working_group_id UUID        NOT NULL,
    user_id          UUID        NOT NULL,
    since            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (working_group_id, user_id)
);
-- the working groups of a user
CREATE INDEX working_group_member_by_user ON working_group_member (user_id, working_group_id);

-- The work units a member is responsible for (member -> work units). Empty for now: the plan
-- (Anexa 1, a later issue) assigns them and its projection will fill this table.
CREATE TABLE working_group_member_work_unit (
    working_group_id UUID NOT NULL,
    user_id          UUID NOT NULL,
    work_unit_id     UUID NOT NULL,
    PRIMARY KEY (working_group_id, user_id, work_unit_id)
);

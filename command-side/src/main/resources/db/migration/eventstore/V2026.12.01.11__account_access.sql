-- The command side's lookup of who may act (issue 8, "access decisions fail closed"): one row per
-- account, written by a subscribing event handler IN THE TRANSACTION THAT APPENDS the account's
-- event (set-based validation pattern), so it can never lag behind the event store. Every request
-- resolves its caller here, not in the asynchronous read model (app_user), so a deactivation, a
-- revoked role or a transfer holds from the very next request on, on every node.
-- Keyed per account (not per directory stream): it survives cutting the directory into one
-- aggregate per account.
CREATE TABLE account_access (
    user_id             UUID         PRIMARY KEY,
    issuer              VARCHAR(255) NOT NULL,
    subject             VARCHAR(255) NOT NULL,
    org_unit_id         UUID         NOT NULL,
    active              BOOLEAN      NOT NULL,
    -- the account's version (what clients send as expectedVersion)
    version             BIGINT       NOT NULL,
    -- aggregate sequence number of the last event applied to this row: replays are idempotent
    last_event_sequence BIGINT       NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- an identity is linked to one account; a violation rolls the command back
    CONSTRAINT account_access_identity UNIQUE (issuer, subject)
);

CREATE TABLE account_access_role (
    user_id                 UUID        NOT NULL REFERENCES account_access (user_id) ON DELETE CASCADE,
    role                    VARCHAR(40) NOT NULL,
    counties                TEXT[]      NOT NULL DEFAULT '{}',
    follows_member_workflow BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (user_id, role)
);

-- How far the start-up catch-up has read the event store (global index): an installation that
-- already has accounts fills the table from its past events at the first start of this version.
CREATE TABLE account_access_catch_up (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    global_index BIGINT   NOT NULL,
    caught_up_at TIMESTAMPTZ
);
INSERT INTO account_access_catch_up (id, global_index) VALUES (1, -1);

-- The nomenclature's command-side lookup (NomenclatureLookup, a CommandLookup): one row per domain,
-- nomenclature item (activity, task, document, risk) and reference entry, written in the transaction of
-- every nomenclature event and read by the command handlers (NomenclatureCatalogue) for the rules that
-- span entries: names unique among siblings, G02, live parents, who may use a parent. Regulatory causes
-- are not here: no rule of another entry reads them.
CREATE TABLE nomenclature_entry_lookup (
    id                   uuid    PRIMARY KEY,
    -- DOMAIN, ACTIVITY, TASK, DOCUMENT, RISK or REFERENCE
    kind                 text    NOT NULL,
    -- a subdomain's domain; a task's or risk's activity; a document's task; else null
    parent_id            uuid,
    -- an activity's domain
    domain_id            uuid,
    -- a reference entry's list
    list                 text,
    name                 text    NOT NULL,
    -- RomanianText.nameKey(name): case, diacritics and spacing folded
    name_key             text    NOT NULL,
    -- items: PROPOSED, APPROVED, REJECTED or INACTIVE; reference entries ACTIVE or INACTIVE; domains ACTIVE
    status               text    NOT NULL,
    proposer_user_id     text,
    proposer_org_unit_id uuid,
    -- an activity's work units
    work_unit_ids        uuid[]  NOT NULL DEFAULT '{}',
    -- the entry's aggregate sequence number of the last event applied (apply is idempotent)
    last_seq             bigint  NOT NULL
);

-- Names unique among siblings of one kind: top-level domains, a domain's subdomains, all activities,
-- an activity's tasks, its risks, a task's documents, the entries of one list (deactivated entries keep
-- their names). Rejected items free their names. Two commands racing for one name: the second commit
-- fails here and is answered CONFLICT DUPLICATE_NAME.
CREATE UNIQUE INDEX nomenclature_entry_name_once ON nomenclature_entry_lookup
    (kind, COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(list, ''), name_key)
    WHERE status <> 'REJECTED';
CREATE INDEX nomenclature_entry_parent ON nomenclature_entry_lookup (parent_id);
CREATE INDEX nomenclature_entry_domain ON nomenclature_entry_lookup (domain_id) WHERE kind = 'ACTIVITY';

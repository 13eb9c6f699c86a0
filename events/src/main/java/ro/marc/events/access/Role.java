package ro.marc.events.access;

/** The roles of MARC users (spec §1.3.1, change request G04, plus the auditor). */
public enum Role {
    CENTRAL_ADMIN,
    TERRITORIAL_ADMIN,
    WORKING_GROUP_HEAD,
    INTEGRITY_COUNSELLOR,
    WORKING_GROUP_MEMBER,
    RISK_OWNER,
    CENTRAL_COUNSELLOR,
    AUDITOR,
    /** MARC itself, e.g. initialising the organisation at first start or seeding demo data. */
    SYSTEM
}

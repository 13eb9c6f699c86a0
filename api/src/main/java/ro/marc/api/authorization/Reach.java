package ro.marc.api.authorization;

/** Over which org units a role holds a permission. */
public enum Reach {
    /** Every org unit. */
    NATIONAL,
    /** The org units of the counties of the role grant (territorial administrators, G05: one or more). */
    COUNTIES,
    /** The account's own org unit and every structure below it, to any depth (central counsellor, G04). */
    OWN_SUBTREE,
    /** The account's own org unit only. */
    OWN_UNIT
}

package ro.marc.events.org;

/**
 * The organisation tree and the work-unit catalogue form one consistency boundary: sibling
 * uniqueness, "no cycles" and "work units ⊆ parent's" span many org units, so they are decided
 * by a single aggregate whose stream id is fixed.
 */
public final class OrganisationIds {

    /** Aggregate identifier of the one organisation (level 0, "MARC"). */
    public static final String ORGANISATION_ID = "marc";

    private OrganisationIds() {
    }
}

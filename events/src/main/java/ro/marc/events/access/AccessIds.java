package ro.marc.events.access;

/**
 * User accounts and working groups form one consistency boundary: "an identity is linked to one
 * account", "at least one active central administrator" and "a working group's members hold a
 * working-group role in its org unit" span many accounts, so one aggregate with a fixed stream id
 * decides them (a ministry has ~2,500 accounts; admin changes are rare).
 */
public final class AccessIds {

    /** Aggregate identifier of the access directory (all accounts and working groups). */
    public static final String DIRECTORY_ID = "marc-access";

    private AccessIds() {
    }
}

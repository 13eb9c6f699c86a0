package ro.marc.command.access;

import ro.marc.events.access.Role;
import ro.marc.events.org.County;

import java.util.List;
import java.util.UUID;

/**
 * What decides whether an account may act, as the command side holds it ({@link AccountAccessTable}):
 * never behind the event store, so access decisions made on it fail closed.
 *
 * @param displayName       the account's current display name (null only for rows written by hand)
 * @param version           the account's version: its aggregate's sequence number + 1 (what clients send as {@code expectedVersion})
 * @param lastEventSequence the aggregate sequence number of the last event that changed this row
 * @param roles             the roles held, by role name; empty for none
 */
public record AccountAccess(UUID userId, String issuer, String subject, String displayName, UUID orgUnitId, boolean active,
                            long version, long lastEventSequence, List<Grant> roles) {

    /** A role held, on its terms: counties (territorial administrator), the A103 flag (integrity counsellor). */
    public record Grant(Role role, List<County> counties, boolean followsMemberWorkflow) {
    }
}

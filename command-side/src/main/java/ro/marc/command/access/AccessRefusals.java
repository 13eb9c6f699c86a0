package ro.marc.command.access;

import ro.marc.command.common.CommandRejected;

import java.util.Map;
import java.util.UUID;

/**
 * The refusals of the access rules that are made in two places: by the handler, from the lookup, and
 * by the lookup itself when a racing command committed first (its unique index caught the second),
 * so the client gets the same typed answer either way.
 */
final class AccessRefusals {

    private AccessRefusals() {
    }

    /** CONFLICT IDENTITY_IN_USE naming the account that holds the identity (when known). */
    static CommandRejected identityInUse(UUID holderId, String holderName) {
        if (holderId == null) {
            return new CommandRejected(CommandRejected.Reason.CONFLICT, "subject", "IDENTITY_IN_USE",
                    "This identity was linked to another account at the same moment", Map.of());
        }
        return new CommandRejected(CommandRejected.Reason.CONFLICT, "subject", "IDENTITY_IN_USE",
                "This identity is already linked to the account of '" + holderName + "'",
                Map.of("userId", holderId.toString()));
    }

    /** CONFLICT WORKING_GROUP_EXISTS naming the org unit's working group (when known). */
    static CommandRejected workingGroupExists(UUID orgUnitId, UUID existingId, String existingName) {
        if (existingId == null) {
            return new CommandRejected(CommandRejected.Reason.CONFLICT, "orgUnitId", "WORKING_GROUP_EXISTS",
                    "Org unit " + orgUnitId + " was given a working group at the same moment", Map.of());
        }
        return new CommandRejected(CommandRejected.Reason.CONFLICT, "orgUnitId", "WORKING_GROUP_EXISTS",
                "Org unit " + orgUnitId + " already has a working group: '" + existingName + "'",
                Map.of("workingGroupId", existingId.toString()));
    }

    /** CONFLICT LAST_CENTRAL_ADMIN: MARC would be left without an active central administrator. */
    static CommandRejected lastCentralAdmin(String field, String displayName) {
        return new CommandRejected(CommandRejected.Reason.CONFLICT, field, "LAST_CENTRAL_ADMIN",
                "'" + displayName + "' is the last active central administrator: grant the role to someone else"
                        + " first, or MARC would be left without an administrator", Map.of());
    }
}

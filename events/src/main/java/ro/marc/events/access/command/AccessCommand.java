package ro.marc.events.access.command;

import ro.marc.events.access.*;

/**
 * A command decided by the access directory. They all target the single stream
 * {@link AccessIds#DIRECTORY_ID}; optimistic concurrency is per account and per working group,
 * through {@code expectedVersion}. Handlers return the entity's version after the change.
 */
public sealed interface AccessCommand
        permits RegisterUser, UpdateUserDetails, GrantRole, RevokeRole, DeactivateUser, ReactivateUser, TransferUser,
        DefineWorkingGroup, AddWorkingGroupMember, RemoveWorkingGroupMember, AppointWorkingGroupLeader {
}

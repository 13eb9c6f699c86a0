package ro.marc.events.access.command;

/**
 * A command about one user account ({@code userId}) or one working group ({@code workingGroupId}):
 * each is its own aggregate, named by {@code @TargetAggregateIdentifier}. Optimistic concurrency is
 * per account and per working group, through {@code expectedVersion}; handlers return the entity's
 * version after the command.
 */
public sealed interface AccessCommand
        permits RegisterUser, UpdateUserDetails, GrantRole, RevokeRole, DeactivateUser, ReactivateUser, TransferUser,
        DefineWorkingGroup, AddWorkingGroupMember, RemoveWorkingGroupMember, AppointWorkingGroupLeader {
}

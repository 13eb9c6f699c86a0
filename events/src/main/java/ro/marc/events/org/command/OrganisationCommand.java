package ro.marc.events.org.command;

/**
 * A command of the organisation: decided by the aggregate of the org unit or work unit it names
 * ({@code @TargetAggregateIdentifier}); optimistic concurrency through {@code expectedVersion} on
 * commands that change an existing one. {@link InitialiseOrganisation} creates the root org unit.
 */
public sealed interface OrganisationCommand
        permits InitialiseOrganisation, CreateOrgUnit, RenameOrgUnit, MoveOrgUnit, DeactivateOrgUnit,
        ReactivateOrgUnit, DefineWorkUnit, RenameWorkUnit, RetireWorkUnit, AssignWorkUnits, UnassignWorkUnit {
}

package ro.marc.events.org.command;

import ro.marc.events.org.*;

/**
 * A command decided by the organisation aggregate. They all target the single stream
 * {@link OrganisationIds#ORGANISATION_ID}; optimistic concurrency is per entity, through
 * {@code expectedVersion} on commands that change an existing org unit or work unit.
 */
public sealed interface OrganisationCommand
        permits InitialiseOrganisation, CreateOrgUnit, RenameOrgUnit, MoveOrgUnit, DeactivateOrgUnit,
        ReactivateOrgUnit, DefineWorkUnit, RenameWorkUnit, RetireWorkUnit, AssignWorkUnits, UnassignWorkUnit {
}

package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/**
 * Proposes a vulnerable activity under one or more work units and a domain without subdomains
 * (G02). {@code approvedAtOnce}: a central administrator's own addition, approved in the same step.
 * {@code proposer}: who proposes (their org unit must hold every work unit unless they act nationally;
 * their org unit scopes who sees the proposal while it is one).
 */
public record ProposeActivity(@TargetAggregateIdentifier UUID activityId, String name, String description, UUID domainId, List<UUID> workUnitIds,
                              List<Attachment> attachments, Actor proposer, boolean approvedAtOnce) implements NomenclatureCommand {
}

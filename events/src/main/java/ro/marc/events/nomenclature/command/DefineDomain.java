package ro.marc.events.nomenclature.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/** A domain of activity, or a subdomain when {@code parentDomainId} is set (one level of subdomains). */
public record DefineDomain(@TargetAggregateIdentifier UUID domainId, UUID parentDomainId, String name) implements NomenclatureCommand {
}

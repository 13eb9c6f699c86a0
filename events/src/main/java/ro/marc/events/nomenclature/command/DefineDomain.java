package ro.marc.events.nomenclature.command;

import java.util.UUID;

/** A domain of activity, or a subdomain when {@code parentDomainId} is set (one level of subdomains). */
public record DefineDomain(UUID domainId, UUID parentDomainId, String name) implements NomenclatureCommand {
}

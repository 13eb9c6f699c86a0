package ro.marc.command.org;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;
import ro.marc.events.org.OrganisationIds;

/** Every organisation command goes to the one organisation stream (see {@link Organisation}). */
@Component("organisationTargetResolver")
public class OrganisationTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(OrganisationIds.ORGANISATION_ID, (Long) null);
    }
}

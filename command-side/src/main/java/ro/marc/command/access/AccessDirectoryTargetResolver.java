package ro.marc.command.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;
import ro.marc.events.access.AccessIds;

/** Every access command goes to the one access-directory stream (see {@link AccessDirectory}). */
@Component("accessDirectoryTargetResolver")
public class AccessDirectoryTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(AccessIds.DIRECTORY_ID, (Long) null);
    }
}

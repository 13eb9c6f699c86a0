package ro.marc.command.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Axon's own resolver ({@code @TargetAggregateIdentifier} on the command), named for the access
 * aggregates: while other aggregates still register resolvers of their own, Axon's Spring support
 * finds several candidates and cannot pick one for an aggregate that names none. Once no other
 * resolver bean is left, this one and the {@code commandTargetResolver} attributes naming it can go.
 */
@Component(AccessCommandTargets.BEAN)
public class AccessCommandTargets implements CommandTargetResolver {

    public static final String BEAN = "accessCommandTargetResolver";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return annotated.resolveTarget(command);
    }
}

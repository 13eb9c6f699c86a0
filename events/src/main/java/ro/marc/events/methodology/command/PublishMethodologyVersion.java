package ro.marc.events.methodology.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.methodology.MethodologyContent;

import java.util.UUID;

/**
 * Publishes the next version of the methodology (central administrators; MARC itself publishes version 1, the
 * defaults, at first start). It applies to evaluations made after it; earlier ones keep theirs. Refused unless
 * {@link MethodologyContent#problems()} is empty, and when it says nothing new (the same content as the current).
 *
 * @param note why the version changes (required, one line)
 */
public record PublishMethodologyVersion(@TargetAggregateIdentifier UUID methodologyId, MethodologyContent content,
                                        String note, long expectedVersion) {
}

package ro.marc.events.incident.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Edits a document's title and short content (UCA 48); the file stays. */
public record ReviseIncidentDocument(@TargetAggregateIdentifier UUID incidentId, long expectedVersion,
                                     UUID documentId, String title, String summary) implements IntegrityIncidentCommand {
}

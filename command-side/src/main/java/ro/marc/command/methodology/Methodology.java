package ro.marc.command.methodology;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.command.PublishMethodologyVersion;
import ro.marc.events.methodology.event.MethodologyVersionPublished;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The methodology of risk evaluation (Anexa 6–9, UCA 75–77): one aggregate with the well-known id
 * {@link MethodologyIds#METHODOLOGY}, kept by central administrators; MARC itself publishes version 1, the
 * defaults, at first start. Every event is a publication, so the aggregate's version (its sequence number + 1,
 * {@link Versions}) is the methodology version now in force: a client sends back the version it read as
 * {@code expectedVersion}. A version applies to evaluations made after it; evaluations carry the version they
 * were made with, so nothing here ever changes an earlier one.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class Methodology {

    /** A publication's note: why the version changes, one line. */
    public static final int MAX_NOTE = 500;

    @AggregateIdentifier
    private String id;
    private UUID methodologyId;
    private int version;
    private MethodologyContent content;

    protected Methodology() {
        // for Axon
    }

    /**
     * Publishes the next version. Refused (nothing appended): another id (NOT_FOUND), a stale
     * {@code expectedVersion}, a missing note, content with problems (the first problem's field and code, every
     * problem in the details as {@code problems}), or the content in force (NOTHING_NEW).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(PublishMethodologyVersion command) {
        if (command.methodologyId() == null) {
            throw CommandRejected.invalid("methodologyId", "REQUIRED", "A methodology id is required");
        }
        if (!MethodologyIds.METHODOLOGY.equals(command.methodologyId())) {
            throw CommandRejected.notFound("methodologyId", command.methodologyId(), "Methodology");
        }
        if (methodologyId == null) {
            Creations.requireUnused("methodologyId", command.methodologyId(), "Methodology");
        }
        Versions.require("Methodology", command.methodologyId(), command.expectedVersion());
        String note = Texts.optionalLine("note", command.note(), MAX_NOTE);
        if (note == null) {
            throw CommandRejected.invalid("note", "REQUIRED", "Say in one line why the methodology changes");
        }
        if (command.content() == null) {
            throw CommandRejected.invalid("content", "REQUIRED", "The methodology's tables are required");
        }
        MethodologyContent cleaned = MethodologyRules.publishable(command.content());
        if (cleaned.equals(content)) {
            throw CommandRejected.invalid("content", "NOTHING_NEW",
                    "The tables are those of version " + version + ", which is in force: there is nothing to publish");
        }
        apply(new MethodologyVersionPublished(command.methodologyId(), version + 1, cleaned, note));
        return Versions.current();
    }

    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(MethodologyVersionPublished event) {
        id = event.methodologyId().toString();
        methodologyId = event.methodologyId();
        version = event.version();
        content = event.content();
    }
}

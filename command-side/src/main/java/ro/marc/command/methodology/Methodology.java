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
import ro.marc.events.methodology.EffectivenessBand;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.MethodologyProblem;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.ScaleLevel;
import ro.marc.events.methodology.command.PublishMethodologyVersion;
import ro.marc.events.methodology.event.MethodologyVersionPublished;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        MethodologyContent cleaned = cleaned(command.content());
        refuseProblems(cleaned.problems());
        if (cleaned.equals(content)) {
            throw CommandRejected.invalid("content", "NOTHING_NEW",
                    "The tables are those of version " + version + ", which is in force: there is nothing to publish");
        }
        apply(new MethodologyVersionPublished(command.methodologyId(), version + 1, cleaned, note));
        return Versions.current();
    }

    /**
     * The texts as MARC stores texts ({@link Texts#clean}: labels on one line, descriptors and intervention terms
     * may hold line breaks; INVALID_CHARACTERS naming the field); whether they are present and short enough is
     * {@link MethodologyContent#problems()}'s to say.
     */
    static MethodologyContent cleaned(MethodologyContent given) {
        return new MethodologyContent(scale("probabilityScale", given.probabilityScale()),
                scale("impactScale", given.impactScale()),
                each(given.effectivenessGrid(), (band, at) -> new EffectivenessBand(band.minCriteriaMet(),
                        band.maxCriteriaMet(), band.level(), line("effectivenessGrid" + at + ".label", band.label()))),
                each(given.priorityBands(), (band, at) -> new PriorityBand(band.priority(), band.riskClass(),
                        band.minExposure(), line("priorityBands" + at + ".label", band.label()),
                        text("priorityBands" + at + ".interventionTerm", band.interventionTerm()))));
    }

    private static List<ScaleLevel> scale(String field, List<ScaleLevel> scale) {
        return each(scale, (level, at) -> new ScaleLevel(level.score(), line(field + at + ".label", level.label()),
                text(field + at + ".descriptor", level.descriptor())));
    }

    private interface Cleaner<T> {
        T clean(T item, String at);
    }

    /** Each entry cleaned, {@code at} its index as the API spells it ({@code [2]}); a null entry stays null. */
    private static <T> List<T> each(List<T> items, Cleaner<T> cleaner) {
        List<T> cleaned = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            cleaned.add(item == null ? null : cleaner.clean(item, "[" + i + "]"));
        }
        return cleaned;
    }

    private static String line(String field, String value) {
        return Texts.clean(field, value, false);
    }

    private static String text(String field, String value) {
        return Texts.clean(field, value, true);
    }

    private static void refuseProblems(List<MethodologyProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        MethodologyProblem first = problems.getFirst();
        List<Map<String, Object>> all = problems.stream().map(p -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("field", p.field());
            one.put("code", p.code());
            one.put("message", p.message());
            return one;
        }).toList();
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more: see problems)";
        throw new CommandRejected(CommandRejected.Reason.INVALID, first.field(), first.code(), first.message() + more,
                Map.of("problems", all));
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

package ro.marc.api.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dead letters of MARC's projection groups, for operators: list, retry, evict, and rebuild a
 * group from zero. Reads go straight to {@code dead_letter_entry}; retries go through Axon's
 * {@link SequencedDeadLetterProcessor} of the group (the group's own handlers, in order per sequence).
 *
 * <p>Two application nodes share the database: a retry of a group runs in one transaction per
 * sequence holding the PostgreSQL advisory lock of the group ({@code pg_try_advisory_xact_lock}); the
 * node that does not get it skips the group for this round. Axon's claim of the sequence's first letter
 * ({@code processing_started}) is a second guard.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    public record DeadLetterView(String id, String group, String sequence, long index, String eventType,
                                 String eventId, String aggregateId, Long aggregateSequence, String enqueuedAt,
                                 String lastTouched, String causeType, String causeMessage) {
    }

    public record GroupSummary(String group, long deadLetters, long sequences, String oldestEnqueuedAt) {
    }

    public record RetryOutcome(String group, int sequencesTried, int sequencesHealed, long remaining) {
    }

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.transaction = new TransactionTemplate(transactions);
        ProjectionGroups.ALL.forEach(group -> counts.put(group, new AtomicLong()));
    }

    /** The last known number of dead letters of a group (refreshed by {@link #summaries()}), for the gauge. */
    AtomicLong count(String group) {
        return counts.get(group);
    }

    public List<GroupSummary> summaries() {
        Map<String, GroupSummary> found = new ConcurrentHashMap<>();
        jdbc.sql("""
                SELECT processing_group, count(*) AS letters, count(DISTINCT sequence_identifier) AS sequences,
                       min(enqueued_at) AS oldest
                FROM dead_letter_entry GROUP BY processing_group""")
                .query((rs, n) -> new GroupSummary(rs.getString("processing_group"), rs.getLong("letters"),
                        rs.getLong("sequences"), rs.getString("oldest")))
                .list().forEach(s -> found.put(s.group(), s));
        List<GroupSummary> summaries = ProjectionGroups.ALL.stream()
                .map(g -> found.getOrDefault(g, new GroupSummary(g, 0, 0, null))).toList();
        summaries.forEach(s -> counts.get(s.group()).set(s.deadLetters()));
        return summaries;
    }

    public List<DeadLetterView> list(String group, int limit) {
        return jdbc.sql("""
                SELECT dead_letter_id, processing_group, sequence_identifier, sequence_index, payload_type,
                       event_identifier, aggregate_identifier, sequence_number, enqueued_at, last_touched,
                       cause_type, cause_message
                FROM dead_letter_entry WHERE processing_group = :group
                ORDER BY enqueued_at, sequence_identifier, sequence_index LIMIT :limit""")
                .param("group", group).param("limit", limit)
                .query((rs, n) -> new DeadLetterView(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                        rs.getString("sequence_identifier"), rs.getLong("sequence_index"),
                        simpleName(rs.getString("payload_type")), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), (Long) rs.getObject("sequence_number"),
                        rs.getString("enqueued_at"), rs.getString("last_touched"), rs.getString("cause_type"),
                        DeadLetterText.prefix(rs.getString("cause_message"))))
                .list();
    }

    /**
     * Retries the group's dead letters, each sequence from its first letter, in order; a letter that
     * fails again stays (requeued, retry count in its diagnostics) with the ones behind it. At most
     * {@code maxSequences} sequences in this call.
     */
    public RetryOutcome retry(String group, int maxSequences) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for group " + group));
        long sequences = jdbc.sql("SELECT count(DISTINCT sequence_identifier) FROM dead_letter_entry WHERE processing_group = ?")
                .param(group).query(Long.class).single();
        int tried = 0;
        int healed = 0;
        for (int i = 0; i < Math.min(sequences, maxSequences); i++) {
            Boolean result;
            try {
                result = transaction.execute(status -> {
                    boolean locked = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('marc-dead-letters'), hashtext(?))")
                            .param(group).query(Boolean.class).single());
                    if (!locked) {
                        return null; // the other node is retrying this group
                    }
                    return processor.process(letter -> true);
                });
            } catch (RuntimeException e) {
                log.warn("Projection {}: retrying dead letters failed: {}", group, DeadLetterText.shortCause(e));
                break;
            }
            if (result == null) {
                break;
            }
            tried++;
            if (result) {
                healed++;
            }
        }
        long remaining = jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?")
                .param(group).query(Long.class).single();
        counts.get(group).set(remaining);
        if (tried > 0) {
            log.info("Projection {}: retried {} dead-letter sequence(s), {} healed, {} dead letter(s) remain",
                    group, tried, healed, remaining);
        }
        return new RetryOutcome(group, tried, healed, remaining);
    }

    /** Removes one dead letter (the event is then never applied by this projection); false when there is none. */
    public boolean evict(String id) {
        int removed = jdbc.sql("DELETE FROM dead_letter_entry WHERE dead_letter_id = ?").param(id).update();
        if (removed > 0) {
            log.warn("Dead letter {} evicted by an operator", id);
        }
        return removed > 0;
    }

    /**
     * Rebuilds a group from zero on this node: shuts its processor down, resets its tokens (which clears
     * the group's dead letters and runs its projections' reset handlers, emptying their tables or
     * indexes) and starts it again; it then replays the event store. Fails, changing nothing, when
     * another node holds a segment of the group (stop the group there first) or when none of the group's
     * handlers may be replayed. (The notifications group rebuilds only its directory: the notifications
     * themselves are {@code @DisallowReplay} and are not sent again.)
     */
    public void rebuild(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor for group " + group));
        if (!processor.supportsReset()) {
            throw new IllegalStateException("The group " + group + " must not be replayed");
        }
        log.warn("Projection {}: rebuild from zero requested", group);
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        counts.get(group).set(0);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}

package ro.marc.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import ro.marc.api.cluster.ClusterSignals;
import ro.marc.api.projection.EntitySequencingPolicy;
import ro.marc.api.projection.ObservedDeadLetterQueue;
import ro.marc.api.projection.ProjectionFailurePolicy;
import ro.marc.api.projection.ProjectionGroups;
import ro.marc.api.projection.SavepointPerEvent;

/**
 * Axon on PostgreSQL through plain JDBC: event store, tracking tokens and dead letters, all in
 * tables owned by Flyway (snake_case names declared here). With Spring Boot 4 Axon's JDBC
 * auto-configuration does not apply, so every piece is declared explicitly.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPersistenceConfig {

    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
            .payloadColumn("payload").metaDataColumn("meta_data").build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
            .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
            .setOwnerColumn("owner").build();

    static final DeadLetterSchema DEAD_LETTER_SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry").deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group").sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index").messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type").aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number").tokenTypeColumn("token_type").tokenColumn("token")
            .enqueuedAtColumn("enqueued_at").lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started").causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message").diagnosticsColumn("diagnostics").build();

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connections, TransactionManager transactions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          EventUpcasterChain upcasters) {
        // snapshots: their own serializer, and only those of the aggregate's current shape are read (AggregateSnapshots)
        Serializer snapshotSerializer = AggregateSnapshots.serializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections).transactionManager(transactions)
                .schema(EVENT_SCHEMA).dataType(byte[].class)
                .snapshotSerializer(snapshotSerializer).snapshotFilter(AggregateSnapshots.filter(snapshotSerializer))
                .eventSerializer(eventSerializer)
                // stored names and shapes of earlier releases (ro.marc.api.eventstore)
                .upcasterChain(upcasters)
                // a unique-key violation on (aggregate, sequence) is a concurrent append, not a crash
                .persistenceExceptionResolver(new SQLStateResolver())
                .build();
    }

    /**
     * {@code marc.node-name} names this node as the owner of the segments it claims ({@code token_entry.owner}).
     * Two nodes must differ: two MARC contexts with one owner name would both believe they own every claimed
     * segment and process it twice (seen as a projection's unique-key violation when the tests ran a second
     * context in the JVM). So without a name the owner is Axon's {@code pid@host} plus a random suffix per
     * context: a restarted node is a new owner either way (its pid changed), so nothing is lost by it.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer,
                          @Value("${marc.node-name:}") String nodeName) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TOKEN_SCHEMA).contentType(byte[].class);
        builder.nodeId(nodeName.isBlank()
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "#" + UUID.randomUUID().toString().substring(0, 8)
                : nodeName);
        return builder.build();
    }

    /**
     * Axon's embedded event store as its Spring Boot auto-configuration builds it, but able to read the
     * database on demand ({@link WakeableEventStore}): other nodes' events arrive by cluster signal.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new WakeableEventStore(EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /** The projections' event source (see application.yml {@code source:}); wakes processors on commit. */
    @Bean(destroyMethod = "close")
    CommitNotifyingEventSource projectionEventSource(EventStore eventStore, ClusterSignals signals,
                                                     @Value("${marc.projections.wake-on-commit:true}") boolean wakeOnCommit) {
        return new CommitNotifyingEventSource(eventStore, wakeOnCommit, signals);
    }

    /**
     * Axon's tokens are polymorphic: a processor that starts (or is reset) on an existing event
     * store holds a {@code ReplayToken} wrapping another token, stored with its class name. Jackson 3
     * refuses such polymorphic values unless the validator names the allowed packages: Axon's own
     * types and MARC's, nothing else (no gadget classes from the payload).
     */
    @Bean
    Jackson3SerializerCustomizer polymorphicTokens() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.").allowIfSubType("ro.marc.").build());
    }

    /**
     * Who did it, in which role and in answer to which request: copied from commands onto their
     * events. {@code correlationId} is MARC's own id for the request; {@code clientCorrelationId}
     * the client's {@code X-Correlation-Id} when it sent an acceptable one (CorrelationIdFilter).
     */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider("userId", "role", "correlationId", "clientCorrelationId");
    }

    @Bean
    CorrelationDataProvider causationCorrelation() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /**
     * Every processing group gets its own JDBC dead-letter queue, seen through {@link ObservedDeadLetterQueue}
     * (ERROR line and counter per dead letter, no overflow loop), sequenced per entity
     * ({@link EntitySequencingPolicy}), with {@link ProjectionFailurePolicy} (transient failures are
     * retried by the processor with back-off, poison events dead-lettered) and each handler in a savepoint
     * ({@link SavepointPerEvent}). Dead letters are retried by {@link ro.marc.api.projection.DeadLetterRetrier}.
     *
     * <p>The invoker's own transaction manager (used when it retries dead letters and when it is reset) is
     * {@code PROPAGATION_NESTED}: a dead letter that fails again is rolled back to its savepoint and requeued
     * in the retry's transaction; with {@code REQUIRED} the failed letter marked the whole retry
     * rollback-only and its requeue (retry count, last cause) was lost. {@code allowReset}: a processor reset
     * (rebuild) clears the group's dead letters, which would otherwise park the replayed events behind them.
     */
    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connections, TransactionManager transactions,
                                      PlatformTransactionManager platformTransactions, MeterRegistry meters,
                                      @Value("${marc.projections.dead-letters.max-sequences:10000}") int maxSequences,
                                      @Value("${marc.projections.dead-letters.max-sequence-size:100000}") int maxSequenceSize) {
        DefaultTransactionDefinition nestedDefinition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
        TransactionManager nested = new SpringTransactionManager(platformTransactions, nestedDefinition);
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDeadLetterQueueProvider(group -> config -> new ObservedDeadLetterQueue(group,
                    JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(group).connectionProvider(connections).transactionManager(transactions)
                            .schema(DEAD_LETTER_SCHEMA).genericSerializer(config.serializer())
                            .eventSerializer(config.eventSerializer())
                            .maxSequences(maxSequences).maxSequenceSize(maxSequenceSize).build(), meters));
            for (String group : ProjectionGroups.ALL) {
                processing.registerDeadLetterPolicy(group, config -> new ProjectionFailurePolicy(group, meters));
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.transactionManager(nested).allowReset(true));
            }
        });
    }

    /**
     * The projections' sequencing policy, named by every processor in application.yml
     * ({@code sequencing-policy: entitySequencingPolicy}): Axon's Spring Boot configuration registers a
     * policy per processor from there (per aggregate when none is named), over any registered in code.
     */
    @Bean
    EntitySequencingPolicy entitySequencingPolicy() {
        return EntitySequencingPolicy.INSTANCE;
    }

    /** See {@link SavepointPerEvent}: Axon's Spring configuration picks up enhancer beans. */
    @Bean
    HandlerEnhancerDefinition savepointPerEvent(PlatformTransactionManager transactions) {
        return new SavepointPerEvent(transactions);
    }
}

package ro.marc.query.common;

/**
 * The version a client sees and sends back as {@code expectedVersion}: the entity's aggregate
 * sequence number + 1 (1 after the event that created it). Every MARC entity is its own aggregate,
 * so a projection reads it off the event ({@code @SequenceNumber}).
 */
public final class EntityVersion {

    private EntityVersion() {
    }

    public static long of(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}

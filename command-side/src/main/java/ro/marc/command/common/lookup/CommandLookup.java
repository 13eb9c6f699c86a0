package ro.marc.command.common.lookup;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A table the command side owns to decide rules that span aggregates (names unique in a catalogue,
 * one identity per account, the last central administrator, live parents): the set-based
 * validation pattern. {@link CommandLookups} applies every event to it in the transaction that
 * appends the event, so a rule read from it is as fresh as the event store on every node; and it
 * builds the table from the event store's past when it is new or was reset (an upgrade).
 *
 * <p>A rule that needs the table to stay unchanged between its read and the commit (two commands
 * racing for the last free name) relies on a unique index of the table (the second commit fails
 * and is answered as a conflict) or takes a PostgreSQL advisory transaction lock before reading.
 */
public interface CommandLookup {

    /** Stable name: the row in {@code command_lookup_build} that says the table was built. */
    String name();

    /** Whether events of this payload type change the table. */
    boolean handles(Class<?> payloadType);

    /** Applies one event (in the caller's transaction); must tolerate being handed an event twice. */
    void apply(DomainEventMessage<?> event);

    /** Empties the table before it is built again from the whole event store. */
    void clear();
}

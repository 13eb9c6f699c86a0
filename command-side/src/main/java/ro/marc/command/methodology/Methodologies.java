package ro.marc.command.methodology;

import ro.marc.events.methodology.MethodologyContent;

import java.util.Optional;

/**
 * What the command handlers of other capabilities may ask about the methodology: a named query over its
 * command-side lookup ({@code methodology_lookup}), written in the transaction of every methodology event, so an
 * evaluation made the moment after a publication on the other node already uses the new version. Aggregate tests
 * register an in-memory implementation.
 */
public interface Methodologies {

    /** The version evaluations are made with now; empty before version 1 is published (at first start). */
    Optional<MethodologyVersion> current();

    /** A published version by number. */
    Optional<MethodologyVersion> version(int version);

    record MethodologyVersion(int version, MethodologyContent content) {
    }
}

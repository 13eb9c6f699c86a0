package ro.marc.command.common;

import ro.marc.events.text.Excerpt;

import java.util.Map;

/**
 * A command refused by a domain rule. It names the input field at fault (as the API spells it)
 * and a stable machine code, so the API can return a typed, field-addressed error; nothing was
 * changed when this is thrown. Messages quote client input only through {@link Excerpt}, and are
 * capped at {@value Excerpt#MAX_MESSAGE} characters whatever they hold.
 */
public class CommandRejected extends RuntimeException {

    /**
     * FORBIDDEN: a rule about who may do it with this very entity (a proposal only under work units the
     * author's structure holds, a revision only by its proposer), decided where the entities are known.
     */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Reason reason;
    private final String field;
    private final String code;
    private final Map<String, Object> details;

    public CommandRejected(Reason reason, String field, String code, String message, Map<String, Object> details) {
        super(Excerpt.capped(message), null, false, false);
        this.reason = reason;
        this.field = field;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static CommandRejected invalid(String field, String code, String message) {
        return new CommandRejected(Reason.INVALID, field, code, message, Map.of());
    }

    public static CommandRejected notFound(String field, Object id, String what) {
        return new CommandRejected(Reason.NOT_FOUND, field, "NOT_FOUND", what + " " + id + " does not exist",
                Map.of("id", String.valueOf(id)));
    }

    /** The actor may not do this with the entity {@code id} (it names what is not theirs). */
    public static CommandRejected forbidden(String field, String code, Object id, String message) {
        return new CommandRejected(Reason.FORBIDDEN, field, code, message, Map.of("id", String.valueOf(id)));
    }

    public static CommandRejected staleVersion(String entity, Object id, long expected, long actual) {
        return new CommandRejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION",
                entity + " " + id + " was changed by someone else: you edited version " + expected
                        + ", the current version is " + actual + ". Reload and try again.",
                Map.of("expectedVersion", expected, "currentVersion", actual));
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}

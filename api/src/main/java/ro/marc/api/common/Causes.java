package ro.marc.api.common;

/** The cause chain of a failure: Spring, Axon and the JDBC driver wrap what actually went wrong. */
public final class Causes {

    private Causes() {
    }

    /** Whether {@code failure} or any of its causes is a {@code type} (a self-caused throwable ends the walk). */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

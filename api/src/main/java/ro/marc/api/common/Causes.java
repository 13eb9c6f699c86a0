package ro.marc.api.common;

import java.util.function.Predicate;

/** The cause chain of a failure: Spring, Axon and the JDBC driver wrap what actually went wrong. */
public final class Causes {

    private Causes() {
    }

    /** Whether {@code failure} or any of its causes is a {@code type} (a self-caused throwable ends the walk). */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return anyCause(failure, type::isInstance);
    }

    /** Whether {@code failure} or any of its causes matches (a self-caused throwable ends the walk). */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}

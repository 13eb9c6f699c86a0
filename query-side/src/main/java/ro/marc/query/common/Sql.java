package ro.marc.query.common;

import java.sql.Timestamp;
import java.time.Instant;

/** Small SQL helpers the readers and projections share. */
public final class Sql {

    private Sql() {
    }

    /** Text made literal inside a LIKE pattern (PostgreSQL's default escape character, backslash). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A LIKE pattern matching every string that starts with {@code prefix} (e.g. a materialised path's subtree). */
    public static String likePrefix(String prefix) {
        return escapeLike(prefix) + "%";
    }

    public static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }
}

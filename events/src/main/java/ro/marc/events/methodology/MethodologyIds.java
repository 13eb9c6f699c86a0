package ro.marc.events.methodology;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The methodology is one aggregate (its versions follow one another); this is its id. */
public final class MethodologyIds {

    public static final UUID METHODOLOGY = UUID.nameUUIDFromBytes("marc:methodology".getBytes(StandardCharsets.UTF_8));

    private MethodologyIds() {
    }
}

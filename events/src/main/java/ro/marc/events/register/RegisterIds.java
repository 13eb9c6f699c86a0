package ro.marc.events.register;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The risk register (Anexa 10) is one per plan: its id is a name-based UUID of the plan's, so two racing generations meet in one stream. */
public final class RegisterIds {

    private RegisterIds() {
    }

    public static UUID of(UUID planId) {
        return UUID.nameUUIDFromBytes(("register:" + planId).getBytes(StandardCharsets.UTF_8));
    }
}

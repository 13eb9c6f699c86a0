package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserDetailsUpdated")
public record UserDetailsUpdated(UUID userId, String displayName, String email, long version) {
}

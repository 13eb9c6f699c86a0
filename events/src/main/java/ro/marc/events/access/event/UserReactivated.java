package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserReactivated")
public record UserReactivated(UUID userId, long version) {
}

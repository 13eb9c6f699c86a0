package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.UserDeactivated")
public record UserDeactivated(UUID userId, String reason, long version) {
}

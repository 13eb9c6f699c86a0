package ro.marc.events.access.event;

import ro.marc.events.EventName;
import ro.marc.events.access.*;

import ro.marc.events.org.County;

import java.util.List;
import java.util.UUID;

/** The role as now held: a re-grant replaces the counties and the A103 flag. {@code counties} is sorted. */
@EventName("access.RoleGranted")
public record RoleGranted(UUID userId, Role role, List<County> counties, boolean followsMemberWorkflow, long version) {
}

package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.access.*;

import ro.marc.events.org.County;

import java.util.List;
import java.util.UUID;

/** The role as now held: a re-grant replaces the counties and the A103 flag. {@code counties} is sorted. */
@EventName("access.RoleGranted")
@Revision("2")
public record RoleGranted(UUID userId, Role role, List<County> counties, boolean followsMemberWorkflow) {
}

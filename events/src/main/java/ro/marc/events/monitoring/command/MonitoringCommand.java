package ro.marc.events.monitoring.command;

import java.util.UUID;

/** A command on the monitoring of one risk assessment's measures (§2.4); {@code monitoringId} = MonitoringIds.of(assessmentId). */
public interface MonitoringCommand {

    UUID monitoringId();

    UUID assessmentId();
}

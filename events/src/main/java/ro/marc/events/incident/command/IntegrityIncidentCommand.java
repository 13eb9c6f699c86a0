package ro.marc.events.incident.command;

import java.util.UUID;

/** A command on one integrity incident. The caller is in the command metadata ({@code userId}). */
public interface IntegrityIncidentCommand {

    UUID incidentId();
}

package ro.marc.events.nomenclature.command;

import ro.marc.events.nomenclature.*;

import java.util.List;
import java.util.UUID;

/**
 * Proposes a vulnerable activity under one or more work units and a domain without subdomains
 * (G02). {@code approvedAtOnce}: a central administrator's own addition, approved in the same step.
 * {@code proposerOrgUnitId} scopes who sees it while proposed.
 */
public record ProposeActivity(UUID activityId, String name, String description, UUID domainId, List<UUID> workUnitIds,
                              List<Attachment> attachments, String proposerUserId, UUID proposerOrgUnitId,
                              boolean approvedAtOnce) implements NomenclatureCommand {
}

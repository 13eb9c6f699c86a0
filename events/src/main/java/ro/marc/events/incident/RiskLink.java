package ro.marc.events.incident;

import java.util.List;
import java.util.UUID;

/**
 * The link of an incident to the corruption risk that materialised (§4.4, UCA 51): the structure where it
 * happened, the work unit, the vulnerable activity and the risk — an existing association of the
 * nomenclature (the risk belongs to the activity, the activity to the work unit, the structure holds the
 * work unit) — and, per category of personnel, the persons involved. Names and the activity's domain are
 * resolved by the command side when linked, so the read models and notifications need no other source.
 *
 * @param linkId the link's id, chosen by the client (unique within the incident)
 */
public record RiskLink(UUID linkId, UUID orgUnitId, String orgUnitName, UUID workUnitId, String workUnitName,
                       UUID domainId, String domainName, UUID activityId, String activityName, UUID riskId,
                       String riskName, List<CategoryRecord> categories) {

    public RiskLink {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

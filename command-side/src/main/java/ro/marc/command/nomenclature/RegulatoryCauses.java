package ro.marc.command.nomenclature;

import java.util.Optional;
import java.util.UUID;

/**
 * What other capabilities may ask about regulatory causes (Anexa 5): a named query over the command-side lookup
 * {@code regulatory_cause_lookup}, written in the transaction of every regulatory-cause event. A risk assessment
 * takes the causes of its own work unit and activity (§2.2.3.1 step 9; A501 adds one from within the assessment).
 */
public interface RegulatoryCauses {

    Optional<CauseFact> cause(UUID causeId);

    /**
     * @param label  how the cause is named where it is used: the act's type, number and year, and the article
     *               ("Lege nr. 161/2003, art. 12")
     * @param active false once deactivated (A502): it stays where it is used, but is not chosen anew
     */
    record CauseFact(UUID causeId, UUID workUnitId, UUID activityId, String label, boolean active) {
    }
}

package ro.marc.command.assessment;

import ro.marc.events.assessment.AssessmentEdition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The risk assessments' finalised editions as the register (Anexa 10) and the monitoring (§2.4) need them, from the
 * command-side lookup {@code assessment_edition_lookup} kept in the transaction of every finalisation, evaluation,
 * inactivation and reactivation.
 */
public interface FinalisedAssessments {

    /**
     * The plan's active assessments that have a finalised edition, each with its id: its last finalised edition, its
     * evaluation replaced by the current one when the member scored the risk again after finalising (monitoring,
     * UCA 80). Ordered by work unit name, member name, assessment id. What the register's generation merges (A402).
     */
    List<IdentifiedEdition> editionsUnder(UUID planId);

    /** One assessment's last finalised edition (with its current evaluation, as above); empty when never finalised. */
    Optional<FinalisedAssessment> finalised(UUID assessmentId);

    /** @param active false once inactivated (out of the register) */
    record FinalisedAssessment(AssessmentEdition edition, boolean active) {
    }

    /** A finalised edition with the id of its assessment. */
    record IdentifiedEdition(UUID assessmentId, AssessmentEdition edition) {
    }
}

package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.RiskDescription;

import java.util.List;
import java.util.UUID;

/**
 * A401: saves the form's description and measures provisionally, partial content allowed (an autosave every five
 * minutes). Cheap and idempotent: the same content as the current appends nothing and answers the current version.
 * What is there must be valid (texts without personal data, ids of the right lists, the activity's causes); what is
 * missing only leaves its section incomplete. Refused on a finalised edition (start a new one) and when inactive.
 */
public record SaveRiskAssessmentDraft(@TargetAggregateIdentifier UUID assessmentId, RiskDescription description,
                                      List<Measure> measures, long expectedVersion) implements RiskAssessmentCommand {
}

package ro.marc.events.assessment.event;

import ro.marc.events.EventName;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.MeasureEffectiveness;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The draft's description and measures replaced (A401). {@code edition}: the edition the draft will become.
 * {@code effectiveness}: each existing measure with its four criteria answered, computed with the current
 * methodology (UCA 72). {@code names}: the name of every effect and regulatory cause the description names.
 */
@EventName("assessment.RiskAssessmentDraftSaved")
public record RiskAssessmentDraftSaved(UUID assessmentId, int edition, RiskDescription description, List<Measure> measures,
                                       Map<UUID, MeasureEffectiveness> effectiveness, Map<UUID, String> names) {

    public RiskAssessmentDraftSaved {
        measures = List.copyOf(measures);
        effectiveness = Map.copyOf(effectiveness);
        names = Map.copyOf(names);
    }
}

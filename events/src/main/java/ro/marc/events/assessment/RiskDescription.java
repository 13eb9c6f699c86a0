package ro.marc.events.assessment;

import java.util.List;
import java.util.UUID;

/**
 * Why the risk could materialise (§2.2.3.1, UCA 65–67): four lists of free-text entries, each required (one entry
 * or more) before finalising; the predefined effects / consequences (EFFECT reference entries, at least one);
 * and the regulatory causes (Anexa 5) of the assessment's work unit and activity, optional. A draft may hold any
 * of them empty.
 */
public record RiskDescription(List<String> exposedPersonnel, List<String> controlWeaknesses, List<String> threatSources,
                              List<String> cultureParticularities, List<UUID> effectIds, List<UUID> regulatoryCauseIds) {

    public RiskDescription {
        exposedPersonnel = copy(exposedPersonnel);
        controlWeaknesses = copy(controlWeaknesses);
        threatSources = copy(threatSources);
        cultureParticularities = copy(cultureParticularities);
        effectIds = copy(effectIds);
        regulatoryCauseIds = copy(regulatoryCauseIds);
    }

    public static RiskDescription empty() {
        return new RiskDescription(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

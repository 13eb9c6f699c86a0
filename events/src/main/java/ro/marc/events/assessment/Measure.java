package ro.marc.events.assessment;

import ro.marc.events.methodology.EffectivenessCriteria;

import java.util.List;
import java.util.UUID;

/**
 * A measure of prevention / control of the assessed risk (§2.2.3.4, UCA 71–74).
 *
 * @param measureId   chosen by the client, unique within the assessment (kept across editions, so the register
 *                    and monitoring follow one measure)
 * @param criteria    EXISTING only: the four Anexa 8 answers (a draft may leave some null); null for ADDITIONAL
 * @param responsible ADDITIONAL only: the person responsible for implementing it (name and / or function, one
 *                    line); null for EXISTING
 */
public record Measure(UUID measureId, MeasureKind kind, String description, EffectivenessCriteria criteria,
                      String responsible, List<Indicator> indicators) {

    public Measure {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}

package ro.marc.command.assessment;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.PersonalData;
import ro.marc.command.common.Texts;
import ro.marc.command.methodology.Methodologies;
import ro.marc.command.methodology.Methodologies.MethodologyVersion;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.RegulatoryCauses;
import ro.marc.command.nomenclature.RegulatoryCauses.CauseFact;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.EffectivenessBand;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.text.RomanianText;

import java.util.*;

/**
 * The rules on a risk assessment's content (§2.2.3.1, §2.2.3.4–5), and the names and effectiveness it resolves on
 * the way. A draft may hold anything partially (A401): what is there must be valid, what is missing only leaves
 * its section incomplete ({@link ro.marc.events.assessment.AssessmentSections}).
 *
 * <ul>
 *   <li>The four description lists: free-text entries, cleaned, without personal data; blank entries dropped.</li>
 *   <li>Effects: EFFECT reference entries; causes: regulatory causes (Anexa 5) of the assessment's own work unit and
 *       activity. A deactivated entry or cause stays where it is already used but is not chosen anew.</li>
 *   <li>Measures: client-chosen ids unique across the assessment (indicators' ids too), a kind; the Anexa 8 criteria
 *       only on an EXISTING one, a responsible only on an ADDITIONAL one. Indicators: a kind; allowed values only on
 *       a QUALITATIVE one, distinct.</li>
 *   <li>Effectiveness: every existing measure whose four criteria are answered, with the current methodology's grid.</li>
 * </ul>
 * Refusals name the field as the API spells it ({@code description.threatSources[2]}, {@code measures[1].indicators[0].kind}).
 */
final class AssessmentContent {

    static final int MAX_ENTRIES = 50;
    static final int MAX_TEXT = 2000;
    static final int MAX_MEASURES = 100;
    static final int MAX_INDICATORS = 20;

    private final NomenclatureCatalogue catalogue;
    private final RegulatoryCauses causes;
    private final Methodologies methodologies;
    private final UUID workUnitId;
    private final UUID activityId;
    private final Set<UUID> alreadyUsed;
    private final Map<UUID, String> names = new LinkedHashMap<>();
    private final Map<UUID, MeasureEffectiveness> effectiveness = new LinkedHashMap<>();

    /** @param alreadyUsed the effect and cause ids the assessment holds now (kept when deactivated since) */
    AssessmentContent(NomenclatureCatalogue catalogue, RegulatoryCauses causes, Methodologies methodologies,
                      UUID workUnitId, UUID activityId, Set<UUID> alreadyUsed) {
        this.catalogue = catalogue;
        this.causes = causes;
        this.methodologies = methodologies;
        this.workUnitId = workUnitId;
        this.activityId = activityId;
        this.alreadyUsed = alreadyUsed;
    }

    /** The name of every effect and regulatory cause the validated description names. */
    Map<UUID, String> names() {
        return names;
    }

    /** Each existing measure's effectiveness, by measure id (after {@link #measures}). */
    Map<UUID, MeasureEffectiveness> effectiveness() {
        return effectiveness;
    }

    // ---------------------------------------------------------------- description

    /** The description tidied, or a typed refusal naming the field at fault. */
    RiskDescription description(RiskDescription description) {
        RiskDescription given = description == null ? RiskDescription.empty() : description;
        return new RiskDescription(
                texts("description.exposedPersonnel", given.exposedPersonnel()),
                texts("description.controlWeaknesses", given.controlWeaknesses()),
                texts("description.threatSources", given.threatSources()),
                texts("description.cultureParticularities", given.cultureParticularities()),
                effects(given.effectIds()),
                causes(given.regulatoryCauseIds()));
    }

    private static List<String> texts(String field, List<String> entries) {
        limit(field, entries.size(), MAX_ENTRIES);
        List<String> tidy = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String text = text(field + "[" + i + "]", entries.get(i), true);
            if (text != null) {
                tidy.add(text);
            }
        }
        return tidy;
    }

    private List<UUID> effects(List<UUID> ids) {
        limit("description.effectIds", ids.size(), MAX_ENTRIES);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "description.effectIds[" + i + "]";
            Entry effect = reference(field, ids.get(i), ReferenceList.EFFECT);
            unique(seen, effect.id(), field, "'" + effect.name() + "'");
        }
        return ids;
    }

    private List<UUID> causes(List<UUID> ids) {
        limit("description.regulatoryCauseIds", ids.size(), MAX_ENTRIES);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "description.regulatoryCauseIds[" + i + "]";
            UUID id = ids.get(i);
            if (id == null) {
                throw CommandRejected.invalid(field, "REQUIRED", "A regulatory cause id is required");
            }
            CauseFact cause = causes.cause(id).orElseThrow(() -> CommandRejected.notFound(field, id, "Regulatory cause"));
            if (!cause.workUnitId().equals(workUnitId) || !cause.activityId().equals(activityId)) {
                throw CommandRejected.invalid(field, "CAUSE_OF_OTHER_ACTIVITY", "The regulatory cause '" + cause.label()
                        + "' is of another work unit or activity than the assessment's");
            }
            if (!cause.active() && !alreadyUsed.contains(id)) {
                throw CommandRejected.invalid(field, "INACTIVE_ENTRY",
                        "The regulatory cause '" + cause.label() + "' is deactivated and cannot be newly chosen");
            }
            unique(seen, id, field, "The regulatory cause '" + cause.label() + "'");
            names.put(id, cause.label());
        }
        return ids;
    }

    // ---------------------------------------------------------------- measures

    /** The measures tidied, their effectiveness computed, or a typed refusal naming the field at fault. */
    List<Measure> measures(List<Measure> measures) {
        List<Measure> given = measures == null ? List.of() : measures;
        limit("measures", given.size(), MAX_MEASURES);
        Set<UUID> ids = new HashSet<>();
        List<Measure> tidy = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "measures[" + i + "]";
            Measure measure = given.get(i);
            if (measure == null) {
                throw CommandRejected.invalid(at, "REQUIRED", "A measure is required");
            }
            id(ids, at + ".measureId", measure.measureId(), "measure");
            if (measure.kind() == null) {
                throw CommandRejected.invalid(at + ".kind", "REQUIRED", "Say whether the measure exists or is additional");
            }
            String description = text(at + ".description", measure.description(), true);
            EffectivenessCriteria criteria = measure.criteria();
            String responsible = text(at + ".responsible", measure.responsible(), false);
            if (measure.kind() == MeasureKind.EXISTING) {
                if (responsible != null) {
                    throw CommandRejected.invalid(at + ".responsible", "NOT_APPLICABLE",
                            "An existing measure has no responsible: only an additional one is assigned to someone");
                }
                criteria = criteria == null ? EffectivenessCriteria.unanswered() : criteria;
            } else {
                if (criteria != null && !criteria.equals(EffectivenessCriteria.unanswered())) {
                    throw CommandRejected.invalid(at + ".criteria", "NOT_APPLICABLE",
                            "Only an existing measure is scored on the Anexa 8 criteria");
                }
                criteria = null;
            }
            List<Indicator> indicators = indicators(ids, at, measure.indicators());
            Measure clean = new Measure(measure.measureId(), measure.kind(), description, criteria, responsible, indicators);
            if (criteria != null && criteria.complete()) {
                effectiveness.put(clean.measureId(), effectiveness(criteria));
            }
            tidy.add(clean);
        }
        return tidy;
    }

    private List<Indicator> indicators(Set<UUID> ids, String measure, List<Indicator> indicators) {
        limit(measure + ".indicators", indicators.size(), MAX_INDICATORS);
        List<Indicator> tidy = new ArrayList<>();
        for (int j = 0; j < indicators.size(); j++) {
            String at = measure + ".indicators[" + j + "]";
            Indicator indicator = indicators.get(j);
            if (indicator == null) {
                throw CommandRejected.invalid(at, "REQUIRED", "An indicator is required");
            }
            id(ids, at + ".indicatorId", indicator.indicatorId(), "indicator");
            String name = text(at + ".name", indicator.name(), false);
            if (indicator.kind() == null) {
                throw CommandRejected.invalid(at + ".kind", "REQUIRED",
                        "Say whether the indicator is numeric, done / not done or qualitative");
            }
            List<String> values = allowedValues(at + ".allowedValues", indicator.allowedValues());
            if (indicator.kind() != IndicatorKind.QUALITATIVE && !values.isEmpty()) {
                throw CommandRejected.invalid(at + ".allowedValues", "NOT_APPLICABLE",
                        "Only a qualitative indicator lists its allowed values");
            }
            tidy.add(new Indicator(indicator.indicatorId(), name, indicator.kind(), values));
        }
        return tidy;
    }

    private static List<String> allowedValues(String field, List<String> values) {
        limit(field, values.size(), MAX_ENTRIES);
        Set<String> seen = new HashSet<>();
        List<String> tidy = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            String value = text(field + "[" + k + "]", values.get(k), false);
            if (value == null) {
                continue;
            }
            if (!seen.add(RomanianText.nameKey(value))) {
                throw CommandRejected.invalid(field + "[" + k + "]", "DUPLICATE", "The value '" + value + "' is listed twice");
            }
            tidy.add(value);
        }
        return tidy;
    }

    private MeasureEffectiveness effectiveness(EffectivenessCriteria criteria) {
        MethodologyVersion methodology = AssessmentRules.currentMethodology(methodologies);
        EffectivenessBand band = methodology.content().effectiveness(criteria.met());
        return new MeasureEffectiveness(criteria.met(), band.level(), band.label(), methodology.version());
    }

    // ---------------------------------------------------------------- entries and texts

    /** A reference entry of {@code list}: active, or already used by the assessment. */
    Entry reference(String field, UUID id, ReferenceList list) {
        Entry entry = catalogue.requireReference(field, id, list, alreadyUsed);
        names.put(entry.id(), entry.name());
        return entry;
    }

    /** Cleaned, without personal data, at most {@link #MAX_TEXT} characters; null when blank. */
    private static String text(String field, String value, boolean multiLine) {
        String tidy = multiLine ? Texts.optional(field, value, MAX_TEXT) : Texts.optionalLine(field, value, MAX_TEXT);
        return tidy == null ? null : PersonalData.refuse(field, tidy);
    }

    private static void id(Set<UUID> ids, String field, UUID id, String what) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "The " + what + "'s id is required");
        }
        unique(ids, id, field, "The id " + id);
    }

    private static void unique(Set<UUID> seen, UUID id, String field, String what) {
        if (!seen.add(id)) {
            throw CommandRejected.invalid(field, "DUPLICATE", what + " is given twice");
        }
    }

    private static void limit(String field, int size, int max) {
        if (size > max) {
            throw CommandRejected.invalid(field, "TOO_MANY", size + " entries; at most " + max + " are allowed");
        }
    }
}

package ro.marc.command.assessment;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.command.incident.MaterialisedRisks.LinkedIncident;
import ro.marc.command.incident.MaterialisedRisks.RiskIncidents;
import ro.marc.command.methodology.Methodologies;
import ro.marc.command.methodology.Methodologies.MethodologyVersion;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.RiskArithmetic;
import ro.marc.events.nomenclature.ReferenceList;

import java.util.*;

/**
 * The evaluation's rules (§2.2.3.3, UCA 68–70): the probability on the Anexa 6 scale and not below the incident
 * floor, the impacts on distinct impact dimensions with importances totalling 100 and scores on the Anexa 7 scale,
 * and the methodology they are computed with. Refusals name the field as the API spells it ({@code impacts[1].score}).
 */
final class AssessmentRules {

    private AssessmentRules() {
    }

    /** The methodology evaluations are made with now; CONFLICT METHODOLOGY_MISSING before version 1 is published. */
    static MethodologyVersion currentMethodology(Methodologies methodologies) {
        return methodologies.current().orElseThrow(() -> new CommandRejected(Reason.CONFLICT, "methodology",
                "METHODOLOGY_MISSING", "No methodology is published yet: nothing can be scored before version 1", Map.of()));
    }

    /** P on the 1–5 scale (INVALID SCORE_OUT_OF_RANGE) and at or above the floor (INVALID BELOW_INCIDENT_FLOOR). */
    static void requireProbability(int probability, RiskIncidents incidents) {
        if (probability < RiskArithmetic.MIN_SCORE || probability > RiskArithmetic.MAX_SCORE) {
            throw new CommandRejected(Reason.INVALID, "probability", "SCORE_OUT_OF_RANGE",
                    "The probability is scored 1 to 5 (Anexa 6), not " + probability, Map.of("probability", probability));
        }
        int lowest = incidents.lowestAllowedProbability();
        if (probability < lowest) {
            throw new CommandRejected(Reason.INVALID, "probability", "BELOW_INCIDENT_FLOOR",
                    "Integrity incidents are linked to this risk "
                            + (lowest == 4 ? "in this structure: only 4 or 5" : "in other structures: only 3 to 5")
                            + " may be given, not " + probability,
                    floorDetails(incidents));
        }
    }

    /** What a refusal below the floor tells, whether scoring or finalising: the lowest score allowed and the incidents behind it. */
    static Map<String, Object> floorDetails(RiskIncidents incidents) {
        return Map.of("lowestAllowed", incidents.lowestAllowedProbability(),
                "incidentIds", incidentsBehindFloor(incidents).stream().map(UUID::toString).toList());
    }

    /** The incidents that set the floor: the structure's own when it has any, else the other structures'. */
    static List<UUID> incidentsBehindFloor(RiskIncidents incidents) {
        List<LinkedIncident> behind = switch (incidents.where()) {
            case SAME_STRUCTURE -> incidents.sameStructure();
            case OTHER_STRUCTURES -> incidents.otherStructures();
            case NONE -> List.of();
        };
        return behind.stream().map(LinkedIncident::incidentId).distinct().toList();
    }

    /**
     * The impacts checked; returns each dimension's name. A dimension deactivated since it was scored stays
     * acceptable in {@code alreadyUsed}.
     */
    static Map<UUID, String> requireImpacts(List<ImpactScore> impacts, NomenclatureCatalogue catalogue, Set<UUID> alreadyUsed) {
        if (impacts == null || impacts.isEmpty()) {
            throw CommandRejected.invalid("impacts", "REQUIRED", "Score the impact on at least one impact dimension");
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        int total = 0;
        for (int i = 0; i < impacts.size(); i++) {
            String at = "impacts[" + i + "]";
            ImpactScore impact = impacts.get(i);
            if (impact == null) {
                throw CommandRejected.invalid(at, "REQUIRED", "An impact is required");
            }
            Entry dimension = catalogue.requireReference(at + ".dimensionId", impact.dimensionId(),
                    ReferenceList.IMPACT_DIMENSION, alreadyUsed);
            if (names.put(dimension.id(), dimension.name()) != null) {
                throw CommandRejected.invalid(at + ".dimensionId", "DUPLICATE",
                        "The impact dimension '" + dimension.name() + "' is scored twice");
            }
            if (impact.importance() < 1 || impact.importance() > RiskArithmetic.TOTAL_IMPORTANCE) {
                throw CommandRejected.invalid(at + ".importance", "IMPORTANCE_OUT_OF_RANGE",
                        "An importance is a whole percent from 1 to 100, not " + impact.importance());
            }
            if (impact.score() < RiskArithmetic.MIN_SCORE || impact.score() > RiskArithmetic.MAX_SCORE) {
                throw CommandRejected.invalid(at + ".score", "SCORE_OUT_OF_RANGE",
                        "An impact is scored 1 to 5 (Anexa 7), not " + impact.score());
            }
            total += impact.importance();
        }
        if (total != RiskArithmetic.TOTAL_IMPORTANCE) {
            throw new CommandRejected(Reason.INVALID, "impacts", "IMPORTANCES_NOT_100",
                    "The importances total " + total + "%, not exactly 100%", Map.of("total", total));
        }
        return names;
    }
}

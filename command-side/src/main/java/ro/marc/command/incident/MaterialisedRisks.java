package ro.marc.command.incident;

import ro.marc.events.incident.IncidentType;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The named query the risk assessment (Anexa 4, §2.2.3.3) asks before it accepts a probability score: has this
 * risk materialised — is it linked to integrity incidents — in the assessing structure, in other structures, or
 * nowhere? Answered from the incidents' command-side lookup, written in the transaction of every incident event,
 * so it is as fresh as the event store on every node (a link committed a moment ago on the other node already
 * counts). Archived incidents and removed links (acquittals) do not count. Aggregate tests register an
 * in-memory implementation.
 */
public interface MaterialisedRisks {

    /** The incidents linked to {@code riskId}, split by whether they happened in {@code orgUnitId} or elsewhere. */
    RiskIncidents incidentsFor(UUID riskId, UUID orgUnitId);

    /** Where a risk materialised, as seen from one structure; the same structure wins when both hold. */
    enum Where {
        /** Incidents in the assessing structure itself: only scores 4–5 are allowed. */
        SAME_STRUCTURE,
        /** Incidents only in other structures: scores 1–2 are refused (3–5 allowed). */
        OTHER_STRUCTURES,
        /** No incident: every score 1–5. */
        NONE
    }

    /** One incident linked to the risk, through the link {@code linkId}; {@code orgUnitId}: the link's structure. */
    record LinkedIncident(UUID incidentId, UUID linkId, String title, County county, UUID orgUnitId,
                          String orgUnitName, IncidentType type, LocalDate incidentDate) {
    }

    /**
     * The answer for one risk and structure.
     *
     * @param sameStructure    incidents linked through the assessing structure, newest first
     * @param otherStructures  incidents linked through other structures, newest first
     */
    record RiskIncidents(UUID riskId, UUID orgUnitId, List<LinkedIncident> sameStructure,
                         List<LinkedIncident> otherStructures) {

        public RiskIncidents {
            sameStructure = List.copyOf(sameStructure);
            otherStructures = List.copyOf(otherStructures);
        }

        public Where where() {
            if (!sameStructure.isEmpty()) {
                return Where.SAME_STRUCTURE;
            }
            return otherStructures.isEmpty() ? Where.NONE : Where.OTHER_STRUCTURES;
        }

        /** The lowest probability score (Anexa 6, 1–5) the assessing structure may give this risk. */
        public int lowestAllowedProbability() {
            return switch (where()) {
                case SAME_STRUCTURE -> 4;
                case OTHER_STRUCTURES -> 3;
                case NONE -> 1;
            };
        }

        public static RiskIncidents none(UUID riskId, UUID orgUnitId) {
            return new RiskIncidents(riskId, orgUnitId, List.of(), List.of());
        }
    }
}

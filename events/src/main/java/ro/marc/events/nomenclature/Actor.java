package ro.marc.events.nomenclature;

import ro.marc.events.org.County;

import java.util.Set;
import java.util.UUID;

/**
 * Who sends a nomenclature command that the rules judge by its author (proposals, revisions,
 * regulatory causes), as the API authenticated and authorised them. The command handler decides
 * with it: work units held by {@code orgUnitId}'s structure, parents the actor may see and use,
 * proposer-only revision, author-only cause edits.
 *
 * @param userId           the MARC account id
 * @param orgUnitId        the actor's org unit (their structure)
 * @param national         acts for the whole country (a central administrator): every work unit, every
 *                         parent, every cause
 * @param seesAllProposals reads every proposal (central administrators, auditors)
 * @param counties         counties whose proposals the actor sees and whose structures they may act for
 *                         (territorial administrators)
 * @param forCounty        a territorial administrator acting for {@code orgUnitId}, a structure of one of
 *                         their {@code counties} (the handler checks it against the organisation)
 */
public record Actor(String userId, UUID orgUnitId, boolean national, boolean seesAllProposals, Set<County> counties,
                    boolean forCounty) {

    public Actor {
        counties = counties == null ? Set.of() : Set.copyOf(counties);
    }

    /** Acting for their own structure. */
    public Actor(String userId, UUID orgUnitId, boolean national, boolean seesAllProposals, Set<County> counties) {
        this(userId, orgUnitId, national, seesAllProposals, counties, false);
    }

    /** A territorial administrator acting for {@code structure}, a structure of one of their counties. */
    public static Actor territorialAdministrator(String userId, UUID structure, Set<County> counties) {
        return new Actor(userId, structure, false, false, counties, true);
    }

    /** A member, head or counsellor of one structure: their own work units and proposals only. */
    public static Actor member(String userId, UUID orgUnitId) {
        return new Actor(userId, orgUnitId, false, false, Set.of());
    }

    /** A central administrator: national reach, every proposal. */
    public static Actor centralAdministrator(String userId, UUID orgUnitId) {
        return new Actor(userId, orgUnitId, true, true, Set.of());
    }
}

package ro.marc.query.nomenclature;

import java.util.Set;

/**
 * Which entries that are not (yet) part of the national nomenclature a caller may see. Approved
 * and inactive entries are national: everyone sees them. Proposed and rejected entries are seen by
 * their proposer, by readers of every proposal (central administrators, auditors), and by territorial
 * administrators when the proposer's org unit lies in one of their counties.
 *
 * @param allProposals     every proposal
 * @param proposerUserId   the caller's account id (their own proposals), or null
 * @param proposerCounties counties (two-letter codes) whose proposals the caller sees
 */
public record ProposalVisibility(boolean allProposals, String proposerUserId, Set<String> proposerCounties) {

    public ProposalVisibility {
        proposerCounties = Set.copyOf(proposerCounties);
    }

    public static ProposalVisibility all() {
        return new ProposalVisibility(true, null, Set.of());
    }

    public static ProposalVisibility own(String userId) {
        return new ProposalVisibility(false, userId, Set.of());
    }

    /** Whether an entry that is not approved/inactive is visible, given who proposed it and their org unit's county. */
    public boolean showsProposal(String proposerUserId, String proposerCounty) {
        return allProposals
                || (this.proposerUserId != null && this.proposerUserId.equals(proposerUserId))
                || (proposerCounty != null && proposerCounties.contains(proposerCounty));
    }
}

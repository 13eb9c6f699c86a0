package ro.marc.events.plan;

import ro.marc.events.access.Role;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The plan as published by an activation or by a change after activation: one numbered edition, with
 * every name resolved by the command side at that moment, so that the edition's PDF, the members'
 * notifications and the tasks are reproducible from the event alone, years later.
 *
 * @param edition     1 for the activation, +1 for every change after it
 * @param stages      the three stages in order, each with its start (n+1 rule) and deadline
 * @param members     every member of the plan, deactivated ones included with {@code active = false}
 *                    (A102: left out of the PDF)
 * @param publishedBy the head or integrity counsellor who activated or changed the plan
 */
public record PlanEdition(int edition, UUID orgUnitId, String orgUnitName, County county, LocalDate startDate,
                          String purpose, List<StageSchedule> stages, List<MemberEdition> members,
                          UUID publishedBy, String publishedByName) {

    public PlanEdition {
        stages = List.copyOf(stages);
        members = List.copyOf(members);
    }

    /** One stage: from {@code start} to {@code deadline} (inclusive); its activities are {@link Stage#standardActivities()}. */
    public record StageSchedule(Stage stage, LocalDate start, LocalDate deadline) {
    }

    /** A member as the edition names them. {@code role}: the working-group role they hold (head, counsellor, member). */
    public record MemberEdition(UUID userId, String displayName, Role role, boolean active, List<WorkUnitRef> workUnits,
                                boolean questionnaireRequired, boolean followsMemberWorkflow) {

        public MemberEdition {
            workUnits = List.copyOf(workUnits);
        }
    }

    public record WorkUnitRef(UUID workUnitId, String name) {
    }
}

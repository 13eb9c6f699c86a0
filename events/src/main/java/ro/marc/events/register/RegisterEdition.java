package ro.marc.events.register;

import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A saved risk register (Anexa 10, §2.3): the generated content with the head's schedules, the registration number
 * and the approver (P01), and the names of the working group's active members (P01, deactivated ones left out),
 * every name resolved by the command side when saved, so the PDF and the notifications are reproducible from the
 * event alone.
 *
 * @param edition             1 for the first save, +1 for each later one (the previous stays kept, also as PDF)
 * @param measuresStageStart  the plan's measures-stage start: the earliest deadline and the periods' anchor
 * @param planLastDay         the plan's last day (its start + 1 year − 1 day): the latest deadline
 * @param schedules           one per measure of {@code risks}, in the risks' order
 * @param members             the active members of the plan, by name, for the register's end
 */
public record RegisterEdition(int edition, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName,
                              County county, String registrationNumber, String approverName, LocalDate savedOn,
                              UUID savedBy, String savedByName, LocalDate measuresStageStart, LocalDate planLastDay,
                              List<RegisterRisk> risks, List<MissingAssessment> missing, List<MeasureSchedule> schedules,
                              List<String> members) {

    public RegisterEdition {
        risks = List.copyOf(risks);
        missing = List.copyOf(missing);
        schedules = List.copyOf(schedules);
        members = List.copyOf(members);
    }
}

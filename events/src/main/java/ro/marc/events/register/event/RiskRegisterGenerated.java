package ro.marc.events.register.event;

import ro.marc.events.EventName;
import ro.marc.events.register.MeasureSchedule;
import ro.marc.events.register.MissingAssessment;
import ro.marc.events.register.RegisterRisk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The draft of the register's next edition was generated (§2.3): the merged risks, the missing work units, and the
 * schedules carried over from the previous edition for measures still present (the head completes them on saving).
 *
 * @param edition the edition this draft becomes when saved
 */
@EventName("register.RiskRegisterGenerated")
public record RiskRegisterGenerated(UUID registerId, UUID planId, UUID orgUnitId, int edition, LocalDate generatedOn,
                                    List<RegisterRisk> risks, List<MissingAssessment> missing,
                                    List<MeasureSchedule> carriedSchedules) {

    public RiskRegisterGenerated {
        risks = List.copyOf(risks);
        missing = List.copyOf(missing);
        carriedSchedules = List.copyOf(carriedSchedules);
    }
}

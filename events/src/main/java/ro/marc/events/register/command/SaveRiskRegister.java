package ro.marc.events.register.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.register.MeasureSchedule;

import java.util.List;
import java.util.UUID;

/**
 * Saves the generated draft as the register's next edition (UCA 78, 79, 81): a schedule for every measure of the
 * draft, the registration number and the approver's name (P01). Produces the PDF and notifies every member.
 */
public record SaveRiskRegister(@TargetAggregateIdentifier UUID registerId, UUID planId, String registrationNumber,
                               String approverName, List<MeasureSchedule> schedules, long expectedVersion) {

    public SaveRiskRegister {
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }
}

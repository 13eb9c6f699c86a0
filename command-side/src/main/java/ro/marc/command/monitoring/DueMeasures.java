package ro.marc.command.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the reminder sweep (N01, §2.4) asks: which assessments have a reminder (three days before a due date of a
 * measure not done) or an overdue flag (a deadline passed, the measure not done) due on {@code today} that their
 * monitoring has not appended yet. From the command-side lookup {@code measure_due_lookup}, kept in the
 * transaction of every register save and every monitoring event, so a reminder sent through one node is not due on
 * the other.
 */
public interface DueMeasures {

    /** At most {@code limit} assessment ids, oldest due first. */
    List<UUID> assessmentsDue(LocalDate today, int limit);
}

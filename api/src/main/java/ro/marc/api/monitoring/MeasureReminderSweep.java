package ro.marc.api.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.common.RomanianCalendar;
import ro.marc.command.monitoring.DueMeasures;
import ro.marc.events.monitoring.MonitoringIds;
import ro.marc.events.monitoring.command.RemindMeasureDeadlines;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One run of the reminder sweep (N01, §2.4): asks {@link DueMeasures} which assessments have a reminder or an overdue
 * flag due today (Romania's day, Axon's clock) and sends each of them {@link RemindMeasureDeadlines} as MARC itself.
 * The monitoring aggregate appends each reminder once per (measure, date), and the lookup settles it in the same
 * commit, so a run repeated (a node that died mid-run, a second node) sends nothing twice. One assessment's failure is
 * logged and the others are still reminded; it is asked again at the next run.
 */
@Component
public class MeasureReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(MeasureReminderSweep.class);
    /** Assessments asked for at a time. */
    static final int BATCH = 200;

    private final DueMeasures due;
    private final CommandSender commands;

    public MeasureReminderSweep(DueMeasures due, CommandSender commands) {
        this.due = due;
        this.commands = commands;
    }

    /** @return the assessments reminded (sent a command) in this run */
    public int run() {
        LocalDate today = RomanianCalendar.today();
        Set<UUID> asked = new HashSet<>();
        int sent = 0;
        while (true) {
            List<UUID> batch = due.assessmentsDue(today, BATCH);
            // what the aggregate did not settle (refused, failed) comes back: ask each once per run
            List<UUID> fresh = batch.stream().filter(asked::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (UUID assessmentId : fresh) {
                try {
                    commands.sendAsSystem(new RemindMeasureDeadlines(MonitoringIds.of(assessmentId), assessmentId));
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Reminders of assessment {} not sent this run: {}", assessmentId, e.toString());
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (sent > 0) {
            log.info("Measure reminders: {} assessment(s) reminded for {}", sent, today);
        }
        return sent;
    }
}

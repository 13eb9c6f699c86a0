package ro.marc.command.monitoring;

import ro.marc.command.register.MeasureSchedules;

import java.util.*;

/** An in-memory {@link MeasureSchedules} for the monitoring's aggregate tests. */
public final class MonitoringMeasureSchedulesFixture implements MeasureSchedules {

    private final List<ScheduledMeasure> schedules = new ArrayList<>();

    public MonitoringMeasureSchedulesFixture schedule(ScheduledMeasure schedule) {
        schedules.removeIf(s -> s.assessmentId().equals(schedule.assessmentId()) && s.measureId().equals(schedule.measureId()));
        schedules.add(schedule);
        return this;
    }

    @Override
    public List<ScheduledMeasure> forAssessment(UUID assessmentId) {
        return schedules.stream().filter(s -> s.assessmentId().equals(assessmentId)).toList();
    }

    @Override
    public Optional<ScheduledMeasure> schedule(UUID assessmentId, UUID measureId) {
        return schedules.stream().filter(s -> s.assessmentId().equals(assessmentId) && s.measureId().equals(measureId)).findFirst();
    }
}

package ro.marc.events.assessment.event;

import ro.marc.events.EventName;
import ro.marc.events.org.County;

import java.util.UUID;

/**
 * An assessment (Anexa 4) was started: the plan, structure, work unit, activity (with its domain) and risk it is
 * about, and its member, with the names as they were, so read models, search and notifications need no other source.
 */
@EventName("assessment.RiskAssessmentStarted")
public record RiskAssessmentStarted(UUID assessmentId, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName,
                                    County county, UUID workUnitId, String workUnitName, UUID domainId, String domainName,
                                    UUID activityId, String activityName, UUID riskId, String riskName,
                                    UUID memberUserId, String memberName) {
}

package ro.marc.query.incident;

import java.util.UUID;

/**
 * How many incidents (not archived, through live links) a vulnerable activity has across the whole ministry (§4:
 * "every structure sees the number of incidents materialised ... on each vulnerable activity of its domains").
 */
public record ActivityIncidentCount(UUID activityId, String activityName, UUID domainId, String domainName,
                                    int incidents) {
}

package ro.marc.events.incident;

/**
 * One person of a category involved in the incident (§4.4 e–h: "one record per person"), without any
 * personal data: how many material acts they committed, the outcome (soluția) and the period set for them
 * (perioada de timp stabilită, e.g. "3 ani cu suspendare"), both as short free text.
 */
public record InvolvedPerson(int materialActs, String outcome, String period) {
}

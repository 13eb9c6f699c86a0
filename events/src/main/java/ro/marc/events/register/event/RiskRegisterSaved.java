package ro.marc.events.register.event;

import ro.marc.events.EventName;
import ro.marc.events.register.RegisterEdition;

import java.util.UUID;

/** The register was saved as a new edition (UCA 78–81): its PDF is rendered and every member of the plan is notified. */
@EventName("register.RiskRegisterSaved")
public record RiskRegisterSaved(UUID registerId, RegisterEdition edition) {
}

package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/** The account passed from one person to another (G05); the previous identity and details are kept here, forever. */
@EventName("access.UserTransferred")
@Revision("2")
public record UserTransferred(UUID userId, String previousIssuer, String previousSubject, String previousDisplayName,
                              String previousEmail, String issuer, String subject, String displayName, String email,
                              String transferDetails) {
}

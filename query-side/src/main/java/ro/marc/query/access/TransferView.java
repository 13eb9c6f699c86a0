package ro.marc.query.access;

import java.time.Instant;

/** One hand-over of an account (G05): who held it before, who holds it after, why, when and by whom. */
public record TransferView(Instant at, String previousIssuer, String previousSubject, String previousDisplayName,
                           String previousEmail, String issuer, String subject, String displayName, String email,
                           String details, String byUserId) {
}

package ro.marc.query.methodology;

import ro.marc.events.methodology.MethodologyContent;

import java.time.Instant;

/** A published methodology version (UCA 75–77: the Anexa 6, 7, 8 and 9 tables readable by every role). */
public record MethodologyVersionView(int version, MethodologyContent content, String note, String publishedByUserId,
                                     Instant publishedAt) {
}

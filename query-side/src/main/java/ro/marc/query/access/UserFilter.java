package ro.marc.query.access;

import ro.marc.events.access.Role;

import java.util.UUID;

/**
 * Narrowing of a user listing; null means no restriction.
 *
 * @param text      words of the display name or e-mail, diacritics optional
 * @param orgUnitId users of this org unit's subtree (the unit included)
 */
public record UserFilter(String text, Role role, UUID orgUnitId, Boolean active) {

    public static UserFilter none() {
        return new UserFilter(null, null, null, null);
    }
}

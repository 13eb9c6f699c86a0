package ro.marc.command.access;

import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;

import java.util.UUID;

/** The events that change what an account may do, and which account they are about. */
final class AccountEvents {

    private AccountEvents() {
    }

    /** The account an event changes, or null when it is not an account event (working groups, other aggregates). */
    static UUID userId(Object payload) {
        return switch (payload) {
            case UserRegistered e -> e.userId();
            case RoleGranted e -> e.userId();
            case RoleRevoked e -> e.userId();
            case UserDeactivated e -> e.userId();
            case UserReactivated e -> e.userId();
            case UserTransferred e -> e.userId();
            case UserDetailsUpdated e -> e.userId();
            case null, default -> null;
        };
    }
}

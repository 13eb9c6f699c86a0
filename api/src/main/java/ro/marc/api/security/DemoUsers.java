package ro.marc.api.security;

import ro.marc.events.access.Role;

import java.util.List;
import java.util.Optional;

/**
 * The people of the local demo (profile {@code local}): one per role, territorial roles in two
 * counties. The dev signer issues tokens only for them. Listed in the README.
 */
public final class DemoUsers {

    public record DemoUser(String username, String displayName, Role role, List<String> counties) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", "Ana Popescu (administrator central)", Role.CENTRAL_ADMIN, List.of()),
            new DemoUser("admin.cluj", "Mihai Rusu (administrator teritorial Cluj)", Role.TERRITORIAL_ADMIN, List.of("CJ")),
            new DemoUser("admin.iasi", "Ioana Munteanu (administrator teritorial Iași)", Role.TERRITORIAL_ADMIN, List.of("IS")),
            new DemoUser("head.cluj", "Dan Stoica (șef grup de lucru)", Role.WORKING_GROUP_HEAD, List.of("CJ")),
            new DemoUser("counsellor.cluj", "Elena Dobre (consilier de integritate)", Role.INTEGRITY_COUNSELLOR, List.of("CJ")),
            new DemoUser("member.cluj", "Radu Ene (membru grup de lucru)", Role.WORKING_GROUP_MEMBER, List.of("CJ")),
            new DemoUser("owner.iasi", "Maria Pop (responsabil risc)", Role.RISK_OWNER, List.of("IS")),
            new DemoUser("counsellor.central", "Andrei Marin (consilier central)", Role.CENTRAL_COUNSELLOR, List.of()),
            new DemoUser("auditor", "Cristina Vasile (auditor)", Role.AUDITOR, List.of()));

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}

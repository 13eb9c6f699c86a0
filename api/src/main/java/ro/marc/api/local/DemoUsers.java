package ro.marc.api.local;

import ro.marc.events.access.Role;

import java.util.List;
import java.util.Optional;

/**
 * The people of the local demo (profile {@code local}): every role, territorial roles in two
 * counties (Cluj and Iași), each in a structure of the demo organisation. {@link DemoAccess}
 * creates their accounts; the dev signer issues tokens for them. Listed in the README.
 *
 * @param orgUnit the name of their demo org unit ({@link ro.marc.api.local.DemoOrganisation})
 */
public final class DemoUsers {

    public record DemoUser(String username, String displayName, Role role, List<String> counties, String orgUnit) {
    }

    private static final String DGA = "Direcția Generală Anticorupție";
    private static final String IPJ_CLUJ = "Inspectoratul de Poliție Județean Cluj";
    private static final String IPJ_IASI = "Inspectoratul de Poliție Județean Iași";

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", "Ana Popescu (administrator central)", Role.CENTRAL_ADMIN, List.of(), DGA),
            new DemoUser("admin.cluj", "Mihai Rusu (administrator teritorial Cluj)", Role.TERRITORIAL_ADMIN, List.of("CJ"),
                    "Serviciul Județean Anticorupție Cluj"),
            new DemoUser("admin.iasi", "Ioana Munteanu (administrator teritorial Iași)", Role.TERRITORIAL_ADMIN, List.of("IS"),
                    "Serviciul Județean Anticorupție Iași"),
            new DemoUser("head.cluj", "Dan Stoica (șef grup de lucru, IPJ Cluj)", Role.WORKING_GROUP_HEAD, List.of(), IPJ_CLUJ),
            new DemoUser("counsellor.cluj", "Elena Dobre (consilier de integritate, IPJ Cluj)", Role.INTEGRITY_COUNSELLOR,
                    List.of(), IPJ_CLUJ),
            new DemoUser("member.cluj", "Radu Ene (membru grup de lucru, IPJ Cluj)", Role.WORKING_GROUP_MEMBER, List.of(), IPJ_CLUJ),
            new DemoUser("owner.cluj", "Sorin Lazăr (responsabil risc, IPJ Cluj)", Role.RISK_OWNER, List.of(), IPJ_CLUJ),
            new DemoUser("head.iasi", "Gabriela Ionescu (șef grup de lucru, IPJ Iași)", Role.WORKING_GROUP_HEAD, List.of(), IPJ_IASI),
            new DemoUser("member.iasi", "Vlad Constantin (membru grup de lucru, IPJ Iași)", Role.WORKING_GROUP_MEMBER, List.of(),
                    IPJ_IASI),
            new DemoUser("owner.iasi", "Maria Pop (responsabil risc, IPJ Iași)", Role.RISK_OWNER, List.of(), IPJ_IASI),
            new DemoUser("counsellor.central", "Andrei Marin (consilier central, IGPR)", Role.CENTRAL_COUNSELLOR, List.of(),
                    "Inspectoratul General al Poliției Române"),
            new DemoUser("auditor", "Cristina Vasile (auditor)", Role.AUDITOR, List.of(), DGA));

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}

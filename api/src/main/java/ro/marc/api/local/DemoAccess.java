package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.command.access.AccountAccess;
import ro.marc.command.access.AccountAccessTable;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Demo accounts for the local run, after the demo organisation: the {@link DemoUsers}, linked to
 * the dev signer's issuer, and a working group in IPJ Cluj and in IPJ Iași. Sent as commands;
 * runs once (ids derived from user names; nothing is sent for accounts and groups that exist).
 *
 * <p>Safe when two nodes start at once: both send the same commands for the same ids, and each
 * step is checked first and again after a failure (the other node may have done it meanwhile: a
 * lost append, a stale version), so every step is done once and neither start fails.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoAccess {

    private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);

    private final EventStore eventStore;
    private final CommandSender commands;
    private final AccountAccessTable accounts;
    private final String issuer;

    public DemoAccess(EventStore eventStore, CommandSender commands, AccountAccessTable accounts,
                      @Value("${marc.security.dev-signer.issuer:marc-local-dev}") String issuer) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.accounts = accounts;
        this.issuer = issuer;
    }

    public static UUID userId(String username) {
        return UUID.nameUUIDFromBytes(("marc-demo-user:" + username).getBytes(StandardCharsets.UTF_8));
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        int created = 0;
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            UUID id = userId(user.username());
            Optional<AccountAccess> account = accounts.byUser(id);
            if (account.isPresent() && account.get().version() > 1) {
                continue; // registered and granted (or changed since): nothing to do
            }
            if (account.isEmpty()) {
                commands.sendAsSystemOnce(new RegisterUser(id, issuer, user.username(), user.displayName(),
                        user.username() + "@marc.demo", DemoOrganisation.id(user.orgUnit())), () -> accounts.byUser(id).isPresent());
            }
            Set<County> counties = new HashSet<>();
            user.counties().forEach(c -> counties.add(County.valueOf(c)));
            // granted only while the account is as registered (version 1): a node that lost the race finds it granted
            commands.sendAsSystemOnce(new GrantRole(id, user.role(), counties, user.role() == Role.INTEGRITY_COUNSELLOR, 1),
                    () -> accounts.byUser(id).map(a -> a.version() > 1).orElse(false));
            created++;
        }
        created += group("Grupul de lucru pentru prevenirea corupției — IPJ Cluj", "Inspectoratul de Poliție Județean Cluj",
                "head.cluj", List.of("head.cluj", "counsellor.cluj", "member.cluj"));
        created += group("Grupul de lucru pentru prevenirea corupției — IPJ Iași", "Inspectoratul de Poliție Județean Iași",
                "head.iasi", List.of("head.iasi", "member.iasi"));
        if (created > 0) {
            log.info("Demo accounts seeded: {} accounts and working groups (issuer {})", created, issuer);
        }
    }

    /** A group that did not exist when this start began: defined, its members added, its leader appointed. */
    private int group(String name, String orgUnit, String leader, List<String> members) {
        UUID id = UUID.nameUUIDFromBytes(("marc-demo-group:" + orgUnit).getBytes(StandardCharsets.UTF_8));
        if (eventStore.lastSequenceNumberFor(id.toString()).isPresent()) {
            return 0;
        }
        commands.sendAsSystemOnce(new DefineWorkingGroup(id, DemoOrganisation.id(orgUnit), name),
                () -> eventStore.lastSequenceNumberFor(id.toString()).isPresent());
        for (String member : members) {
            UUID user = userId(member);
            if (!groupEvents(id).contains(new WorkingGroupMemberAdded(id, user))) {
                commands.sendAsSystemOnce(new AddWorkingGroupMember(id, user, version(id)),
                        () -> groupEvents(id).contains(new WorkingGroupMemberAdded(id, user)));
            }
        }
        UUID leaderId = userId(leader);
        if (groupEvents(id).stream().noneMatch(e -> e instanceof WorkingGroupLeaderAppointed a && a.userId().equals(leaderId))) {
            commands.sendAsSystemOnce(new AppointWorkingGroupLeader(id, leaderId, version(id)), () -> groupEvents(id).stream()
                    .anyMatch(e -> e instanceof WorkingGroupLeaderAppointed a && a.userId().equals(leaderId)));
        }
        return 1;
    }

    private List<Object> groupEvents(UUID groupId) {
        return history(eventStore, groupId);
    }

    /**
     * Every event of an entity, from its first: a demo step looks in it for what it would send. Read from sequence
     * 0, never from a snapshot — after a snapshot the stream would start with the aggregate's state instead of the
     * events that made it, and a step done long ago would look undone (and be refused when sent again).
     */
    static List<Object> history(EventStore eventStore, UUID entityId) {
        return eventStore.readEvents(entityId.toString(), 0).asStream().<Object>map(Message::getPayload).toList();
    }

    private long version(UUID groupId) {
        return version(eventStore, groupId);
    }

    /** An entity's version as clients see it (its aggregate's last sequence number + 1; 0 when it has no events), for the demo steps. */
    static long version(EventStore eventStore, UUID entityId) {
        return eventStore.lastSequenceNumberFor(entityId.toString()).orElse(-1L) + 1;
    }
}

package ro.marc.api.security;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.api.org.DemoOrganisation;
import ro.marc.events.access.*;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;

import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Demo accounts for the local run, after the demo organisation: the {@link DemoUsers}, linked to
 * the dev signer's issuer, and a working group in IPJ Cluj and in IPJ Iași. Sent as commands;
 * runs once (ids derived from user names; nothing is sent for accounts that exist).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoAccess implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);

    private final EventStore eventStore;
    private final CommandSender commands;
    private final String issuer;

    public DemoAccess(EventStore eventStore, CommandSender commands,
                      @Value("${marc.security.dev-signer.issuer:marc-local-dev}") String issuer) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.issuer = issuer;
    }

    public static UUID userId(String username) {
        return UUID.nameUUIDFromBytes(("marc-demo-user:" + username).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<UUID> registered = new HashSet<>();
        Set<UUID> groups = new HashSet<>();
        if (eventStore.lastSequenceNumberFor(AccessIds.DIRECTORY_ID).isPresent()) {
            eventStore.readEvents(AccessIds.DIRECTORY_ID).asStream().map(Message::getPayload).forEach(e -> {
                if (e instanceof UserRegistered r) {
                    registered.add(r.userId());
                } else if (e instanceof WorkingGroupDefined d) {
                    groups.add(d.workingGroupId());
                }
            });
        }
        int created = 0;
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            UUID id = userId(user.username());
            if (registered.contains(id)) {
                continue;
            }
            commands.sendAsSystem(new RegisterUser(id, issuer, user.username(), user.displayName(),
                    user.username() + "@marc.demo", DemoOrganisation.id(user.orgUnit())));
            Set<County> counties = new HashSet<>();
            user.counties().forEach(c -> counties.add(County.valueOf(c)));
            commands.sendAsSystem(new GrantRole(id, user.role(), counties,
                    user.role() == Role.INTEGRITY_COUNSELLOR, 1));
            created++;
        }
        created += group("Grupul de lucru pentru prevenirea corupției — IPJ Cluj", "Inspectoratul de Poliție Județean Cluj",
                "head.cluj", List.of("head.cluj", "counsellor.cluj", "member.cluj"), groups);
        created += group("Grupul de lucru pentru prevenirea corupției — IPJ Iași", "Inspectoratul de Poliție Județean Iași",
                "head.iasi", List.of("head.iasi", "member.iasi"), groups);
        if (created > 0) {
            log.info("Demo accounts seeded: {} accounts and working groups (issuer {})", created, issuer);
        }
    }

    private int group(String name, String orgUnit, String leader, List<String> members, Set<UUID> existing) {
        UUID id = UUID.nameUUIDFromBytes(("marc-demo-group:" + orgUnit).getBytes(StandardCharsets.UTF_8));
        if (existing.contains(id)) {
            return 0;
        }
        commands.sendAsSystem(new DefineWorkingGroup(id, DemoOrganisation.id(orgUnit), name));
        long version = 1;
        for (String member : members) {
            commands.sendAsSystem(new AddWorkingGroupMember(id, userId(member), version++));
        }
        commands.sendAsSystem(new AppointWorkingGroupLeader(id, userId(leader), version));
        return 1;
    }
}

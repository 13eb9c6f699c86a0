package ro.marc.api.access;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import ro.marc.api.common.CommandSender;
import ro.marc.command.org.OrgTree;
import ro.marc.events.access.AccessIds;
import ro.marc.events.access.command.GrantRole;
import ro.marc.events.access.command.RegisterUser;
import ro.marc.events.access.Role;

import java.util.Set;
import java.util.UUID;

/**
 * The first central administrator of a new installation: when the access directory is empty and
 * {@code marc.bootstrap.central-admin.subject} is set (MARC_BOOTSTRAP_ADMIN_SUBJECT), that identity
 * gets an account at the root with the central-administrator role. Everyone else is then
 * registered through GraphQL by administrators.
 */
@Component
@Order(3)
public class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final EventStore eventStore;
    private final OrgTree orgTree;
    private final CommandSender commands;
    private final String issuer;
    private final String subject;
    private final String displayName;
    private final String email;

    public AccessBootstrap(EventStore eventStore, OrgTree orgTree, CommandSender commands,
                           @Value("${marc.bootstrap.central-admin.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer,
                           @Value("${marc.bootstrap.central-admin.subject:}") String subject,
                           @Value("${marc.bootstrap.central-admin.display-name:Administrator central}") String displayName,
                           @Value("${marc.bootstrap.central-admin.email:admin@marc.invalid}") String email) {
        this.eventStore = eventStore;
        this.orgTree = orgTree;
        this.commands = commands;
        this.issuer = issuer;
        this.subject = subject;
        this.displayName = displayName;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(subject) || eventStore.lastSequenceNumberFor(AccessIds.DIRECTORY_ID).isPresent()) {
            return;
        }
        UUID root = orgTree.rootId().orElseThrow(() -> new IllegalStateException("The organisation has no root yet"));
        UUID id = UUID.randomUUID();
        commands.sendAsSystem(new RegisterUser(id, issuer, subject, displayName, email, root));
        commands.sendAsSystem(new GrantRole(id, Role.CENTRAL_ADMIN, Set.of(), false, 1));
        log.info("First central administrator registered: {} (issuer {})", subject, issuer);
    }
}

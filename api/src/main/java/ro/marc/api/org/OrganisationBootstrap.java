package ro.marc.api.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.org.OrgTree;
import ro.marc.events.org.command.InitialiseOrganisation;

import java.util.UUID;

/**
 * At first start, creates the root org unit "MARC" (level 0) through a command. Safe when several
 * MARC instances start at once: the command takes the org tree's lock and refuses a second root
 * (ROOT_EXISTS; the lookup's unique index refuses it too), so the later instance keeps the first one's.
 */
@Component
public class OrganisationBootstrap {

    private static final Logger log = LoggerFactory.getLogger(OrganisationBootstrap.class);

    private final OrgTree tree;
    private final CommandSender commands;

    public OrganisationBootstrap(OrgTree tree, CommandSender commands) {
        this.tree = tree;
        this.commands = commands;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void createRootIfMissing() {
        if (tree.rootId().isPresent()) {
            return;
        }
        try {
            commands.sendAsSystem(new InitialiseOrganisation(UUID.randomUUID(), "MARC"));
            log.info("Organisation initialised");
        } catch (CommandRejected e) {
            if (!"ROOT_EXISTS".equals(e.code())) {
                throw e;
            }
            log.info("Organisation initialised meanwhile by another MARC instance");
        }
    }
}

package ro.marc.api.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import ro.marc.api.common.CommandSender;
import ro.marc.command.org.OrgTree;
import ro.marc.command.access.AccountAccess;
import ro.marc.command.access.AccountAccessTable;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.GrantRole;
import ro.marc.events.access.command.RegisterUser;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The first central administrator of a new installation: when no account exists yet and
 * {@code marc.bootstrap.central-admin.subject} is set (MARC_BOOTSTRAP_ADMIN_SUBJECT), that identity
 * gets an account at the root with the central-administrator role. Everyone else is then
 * registered through GraphQL by administrators.
 *
 * <p>Safe when two nodes start at once: the account's id is derived from the identity, so both send
 * the same registration (the second is answered as a retry, or loses the append and finds the
 * account there), and the role is granted only to that account while it is still as registered
 * (version 1), so a node that loses the race finds it granted. A first start interrupted between
 * the two commands is completed by the next one.
 */
@Component
public class AccessBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final OrgTree orgTree;
    private final CommandSender commands;
    private final AccountAccessTable accounts;
    private final String issuer;
    private final String subject;
    private final String displayName;
    private final String email;

    public AccessBootstrap(OrgTree orgTree, CommandSender commands, AccountAccessTable accounts,
                           @Value("${marc.bootstrap.central-admin.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer,
                           @Value("${marc.bootstrap.central-admin.subject:}") String subject,
                           @Value("${marc.bootstrap.central-admin.display-name:Administrator central}") String displayName,
                           @Value("${marc.bootstrap.central-admin.email:admin@marc.invalid}") String email) {
        this.orgTree = orgTree;
        this.commands = commands;
        this.accounts = accounts;
        this.issuer = issuer;
        this.subject = subject;
        this.displayName = displayName;
        this.email = email;
    }

    /** The bootstrap administrator's account id: the same on every node for the same identity. */
    static UUID accountId(String issuer, String subject) {
        return UUID.nameUUIDFromBytes(("marc-bootstrap-admin:" + issuer + "\u0000" + subject).getBytes(StandardCharsets.UTF_8));
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void registerFirstCentralAdministrator() {
        if (!StringUtils.hasText(subject)) {
            return;
        }
        UUID id = accountId(issuer, subject);
        Optional<AccountAccess> account = accounts.byUser(id);
        if (account.isEmpty()) {
            if (accounts.anyAccount()) {
                return; // not a new installation: administrators register everyone
            }
            UUID root = orgTree.rootId().orElseThrow(() -> new IllegalStateException("The organisation has no root yet"));
            commands.sendAsSystemOnce(new RegisterUser(id, issuer, subject, displayName, email, root), () -> accounts.byUser(id).isPresent());
            account = accounts.byUser(id);
        }
        if (account.orElseThrow().version() == 1) {
            // as registered and never changed since: this start (or an interrupted one) grants the role
            commands.sendAsSystemOnce(new GrantRole(id, Role.CENTRAL_ADMIN, Set.of(), false, 1),
                    () -> accounts.byUser(id).map(a -> a.version() > 1).orElse(false));
            log.info("First central administrator registered: {} (issuer {})", subject, issuer);
        }
    }
}

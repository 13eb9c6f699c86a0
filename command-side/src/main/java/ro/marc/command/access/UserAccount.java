package ro.marc.command.access;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Creations;
import ro.marc.command.common.Names;
import ro.marc.command.common.Texts;
import ro.marc.command.common.Versions;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.access.Role;
import ro.marc.events.access.command.*;
import ro.marc.events.access.event.*;
import ro.marc.events.org.County;
import ro.marc.events.text.Excerpt;

import java.util.*;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One user account: the identity of the identity provider it is linked to, the person's details, its
 * org unit, its roles and whether it is active. Its version is its own sequence number + 1
 * ({@link Versions}).
 *
 * <p>Rules about other accounts are decided from {@link AccountDirectory} (the command side's
 * {@code account_access} lookup, written in the transaction of every account event):
 * <ul>
 *   <li>an identity is linked to one account (register, transfer): read before applying, and the
 *       lookup's unique identity index refuses the second of two racing commands at commit with the
 *       same CONFLICT {@code IDENTITY_IN_USE};</li>
 *   <li>at least one active central administrator (revoke CENTRAL_ADMIN, deactivate):
 *       {@link AccountDirectory#anotherActiveCentralAdmin} serialises such commands with a PostgreSQL
 *       advisory transaction lock, so two administrators revoking each other cannot both succeed.</li>
 * </ul>
 * The org unit must exist ({@link OrgFacts}).
 *
 * <p>Every handler is {@code CREATE_IF_MISSING}: {@link RegisterUser} creates the account (a retry with
 * the same id and content answers version 1 and applies nothing; other content is DUPLICATE_ID), any
 * other command on a missing account is a typed NOT_FOUND. A refused command applies nothing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger") // ro.marc.api.config.AggregateSnapshots
public class UserAccount {

    static final int MAX_IDENTITY_LENGTH = 255;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_TRANSFER_DETAILS_LENGTH = 1000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The terms on which a role is held; {@code counties} sorted, empty unless territorial admin. */
    record RoleTerms(List<County> counties, boolean followsMemberWorkflow) {
    }

    /** What {@link RegisterUser} asked, tidied: a retry with the same content is answered with the first result. */
    private record Registration(String issuer, String subject, String displayName, String email, UUID orgUnitId) {
    }

    @AggregateIdentifier
    private String id;
    private UUID userId;
    private Registration registration;
    private String issuer;
    private String subject;
    private String displayName;
    private String email;
    private boolean active;
    private final Map<Role, RoleTerms> roles = new EnumMap<>(Role.class);

    protected UserAccount() {
        // for Axon: rebuilt from its events, or created empty by RegisterUser
    }

    // ---------------------------------------------------------------- creation

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RegisterUser command, AccountDirectory accounts, OrgFacts org) {
        if (command.userId() == null) {
            throw CommandRejected.invalid("userId", "REQUIRED", "A user id is required");
        }
        String issuer = requireIdentityPart("issuer", command.issuer());
        String subject = requireIdentityPart("subject", command.subject());
        String displayName = Names.require("displayName", command.displayName());
        String email = requireEmail("email", command.email());
        if (command.orgUnitId() == null) {
            throw CommandRejected.invalid("orgUnitId", "REQUIRED", "An org unit id is required");
        }
        Registration asked = new Registration(issuer, subject, displayName, email, command.orgUnitId());
        if (exists()) {
            return Creations.repeated(registration, asked, "userId", command.userId(), "User account", 1);
        }
        Creations.requireUnused("userId", command.userId(), "User account");
        if (org.orgUnit(command.orgUnitId()).isEmpty()) {
            throw CommandRejected.notFound("orgUnitId", command.orgUnitId(), "Org unit");
        }
        requireIdentityFree(accounts, issuer, subject);
        apply(new UserRegistered(command.userId(), issuer, subject, displayName, email, command.orgUnitId()));
        return Versions.current();
    }

    // ---------------------------------------------------------------- details and roles

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(UpdateUserDetails command) {
        requireExisting(command.userId(), command.expectedVersion());
        String displayName = Names.require("displayName", command.displayName());
        String email = requireEmail("email", command.email());
        apply(new UserDetailsUpdated(userId, displayName, email));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(GrantRole command) {
        requireExisting(command.userId(), command.expectedVersion());
        Role role = command.role();
        if (role == null) {
            throw CommandRejected.invalid("role", "REQUIRED", "A role is required");
        }
        if (role == Role.SYSTEM) {
            throw CommandRejected.invalid("role", "ROLE_NOT_GRANTABLE", "The SYSTEM role belongs to MARC itself and cannot be granted");
        }
        List<County> counties = command.counties() == null ? List.of()
                : command.counties().stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (role == Role.TERRITORIAL_ADMIN && counties.isEmpty()) {
            throw CommandRejected.invalid("counties", "COUNTY_REQUIRED",
                    "A territorial administrator administers at least one county: name it");
        }
        if (role != Role.TERRITORIAL_ADMIN && !counties.isEmpty()) {
            throw CommandRejected.invalid("counties", "COUNTIES_NOT_ALLOWED",
                    "Counties are only given with the territorial administrator role, not with " + role);
        }
        if (command.followsMemberWorkflow() && role != Role.INTEGRITY_COUNSELLOR) {
            throw CommandRejected.invalid("followsMemberWorkflow", "FLAG_NOT_ALLOWED",
                    "Only an integrity counsellor can follow the working-group member workflow, not " + role);
        }
        if (!active) {
            throw CommandRejected.invalid("userId", "USER_INACTIVE",
                    "The account of '" + displayName + "' is deactivated: reactivate it before granting roles");
        }
        RoleTerms terms = new RoleTerms(counties, command.followsMemberWorkflow());
        if (terms.equals(roles.get(role))) {
            throw CommandRejected.invalid("role", "NO_CHANGE", "'" + displayName + "' already holds " + role + " on these terms");
        }
        apply(new RoleGranted(userId, role, counties, command.followsMemberWorkflow()));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RevokeRole command, AccountDirectory accounts) {
        requireExisting(command.userId(), command.expectedVersion());
        Role role = command.role();
        if (role == null) {
            throw CommandRejected.invalid("role", "REQUIRED", "A role is required");
        }
        if (!roles.containsKey(role)) {
            throw CommandRejected.invalid("role", "ROLE_NOT_HELD", "'" + displayName + "' does not hold " + role);
        }
        if (role == Role.CENTRAL_ADMIN && isLastActiveCentralAdmin(accounts)) {
            throw AccessRefusals.lastCentralAdmin("role", displayName);
        }
        apply(new RoleRevoked(userId, role));
        return Versions.current();
    }

    // ---------------------------------------------------------------- deactivation

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DeactivateUser command, AccountDirectory accounts) {
        requireExisting(command.userId(), command.expectedVersion());
        if (!active) {
            throw CommandRejected.invalid("userId", "ALREADY_INACTIVE", "The account of '" + displayName + "' is already deactivated");
        }
        String reason = Texts.optional("reason", command.reason(), MAX_REASON_LENGTH);
        if (isLastActiveCentralAdmin(accounts)) {
            throw AccessRefusals.lastCentralAdmin("userId", displayName);
        }
        apply(new UserDeactivated(userId, reason));
        return Versions.current();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ReactivateUser command) {
        requireExisting(command.userId(), command.expectedVersion());
        if (active) {
            throw CommandRejected.invalid("userId", "ALREADY_ACTIVE", "The account of '" + displayName + "' is already active");
        }
        apply(new UserReactivated(userId));
        return Versions.current();
    }

    // ---------------------------------------------------------------- transfer (G05)

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(TransferUser command, AccountDirectory accounts) {
        requireExisting(command.userId(), command.expectedVersion());
        String newIssuer = requireIdentityPart("issuer", command.issuer());
        String newSubject = requireIdentityPart("subject", command.subject());
        String newDisplayName = Names.require("displayName", command.displayName());
        String newEmail = requireEmail("email", command.email());
        String transferDetails = Texts.optional("transferDetails", command.transferDetails(), MAX_TRANSFER_DETAILS_LENGTH);
        if (transferDetails == null) {
            throw CommandRejected.invalid("transferDetails", "REQUIRED", "Say why and when the account is handed over");
        }
        if (newIssuer.equals(issuer) && newSubject.equals(subject)) {
            throw CommandRejected.invalid("subject", "SAME_IDENTITY",
                    "The account of '" + displayName + "' is already linked to this identity; to correct the name"
                            + " or e-mail of the same person, update the account's details instead");
        }
        requireIdentityFree(accounts, newIssuer, newSubject);
        apply(new UserTransferred(userId, issuer, subject, displayName, email,
                newIssuer, newSubject, newDisplayName, newEmail, transferDetails));
        return Versions.current();
    }

    // ---------------------------------------------------------------- rules

    private boolean exists() {
        return userId != null;
    }

    /** The account exists (typed NOT_FOUND otherwise) and the caller edited its current version. */
    private void requireExisting(UUID commandUserId, long expectedVersion) {
        if (commandUserId == null) {
            throw CommandRejected.invalid("userId", "REQUIRED", "A user id is required");
        }
        if (!exists()) {
            throw CommandRejected.notFound("userId", commandUserId, "User account");
        }
        Versions.require("User account", userId, expectedVersion);
    }

    /** No other account holds the identity (the lookup's unique index decides a race at commit). */
    private void requireIdentityFree(AccountDirectory accounts, String issuer, String subject) {
        accounts.holderOf(issuer, subject).filter(holder -> !holder.userId().equals(userId)).ifPresent(holder -> {
            throw AccessRefusals.identityInUse(holder.userId(), holder.displayName());
        });
    }

    /** Inactive administrators do not count: they cannot sign in. */
    private boolean isLastActiveCentralAdmin(AccountDirectory accounts) {
        if (!active || !roles.containsKey(Role.CENTRAL_ADMIN)) {
            return false;
        }
        return !accounts.anotherActiveCentralAdmin(userId);
    }

    /**
     * Issuer or subject: required, at most 255 characters, no control or invisible characters
     * ({@link Texts#identifier}); surrounding white space is dropped, nothing else is changed.
     */
    private static String requireIdentityPart(String field, String value) {
        String tidy = value == null ? "" : Texts.identifier(field, value);
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "The " + field + " of the identity must not be empty");
        }
        if (tidy.length() > MAX_IDENTITY_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG", "The " + field + " has " + tidy.length()
                    + " characters; at most " + MAX_IDENTITY_LENGTH + " are allowed");
        }
        return tidy;
    }

    /** Required, clean ({@link Texts#clean} single-line), looks like an e-mail address, at most 254 characters; returned trimmed and in lower case. */
    private static String requireEmail(String field, String value) {
        String tidy = value == null ? "" : Texts.clean(field, value, false).toLowerCase(Locale.ROOT);
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "An e-mail address is required");
        }
        if (tidy.length() > MAX_EMAIL_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG", "The e-mail address has " + tidy.length()
                    + " characters; at most " + MAX_EMAIL_LENGTH + " are allowed");
        }
        if (!EMAIL.matcher(tidy).matches()) {
            throw CommandRejected.invalid(field, "INVALID_EMAIL", Excerpt.quoted(tidy) + " is not an e-mail address");
        }
        return tidy;
    }

    // ---------------------------------------------------------------- state

    /**
     * An event of another kind of entity whose id this command named: the id is taken (a create is
     * refused as DUPLICATE_ID, any other command finds no account).
     */
    @EventSourcingHandler
    void onOtherEntity(Object event, @SourceId String sourceId) {
        id = sourceId;
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        id = event.userId().toString();
        userId = event.userId();
        registration = new Registration(event.issuer(), event.subject(), event.displayName(), event.email(),
                event.orgUnitId());
        issuer = event.issuer();
        subject = event.subject();
        displayName = event.displayName();
        email = event.email();
        active = true;
    }

    @EventSourcingHandler
    void on(UserDetailsUpdated event) {
        displayName = event.displayName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        roles.put(event.role(), new RoleTerms(List.copyOf(event.counties()), event.followsMemberWorkflow()));
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.remove(event.role());
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(UserTransferred event) {
        issuer = event.issuer();
        subject = event.subject();
        displayName = event.displayName();
        email = event.email();
    }
}

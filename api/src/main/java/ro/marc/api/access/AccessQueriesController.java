package ro.marc.api.access;

import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.authorization.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.common.Inputs;
import ro.marc.api.graphql.Connection;
import ro.marc.events.access.Role;
import ro.marc.query.access.*;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.org.OrgQueries;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.org.WorkUnitView;

import java.util.*;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static ro.marc.api.common.Inputs.id;

/**
 * Reads of accounts and working groups, limited to the caller's reach: single objects outside it
 * are refused, lists are filtered inside their SQL, and fields leading outside it are null.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AccessQueriesController {

    public record Viewer(UserView user) {
    }

    public record UserFilterInput(String text, Role role, String orgUnitId, Boolean active) {
    }

    /** A member as a group shows it: enough to know who is in it, without the account's details. */
    public record Member(WorkingGroupMemberView membership, UserView account) {
    }

    private final AccessQueries accounts;
    private final OrgQueries org;
    private final AccessPolicy access;

    public AccessQueriesController(AccessQueries accounts, OrgQueries org, AccessPolicy access) {
        this.accounts = accounts;
        this.org = org;
        this.access = access;
    }

    @QueryMapping
    public Viewer viewer() {
        Caller caller = access.caller();
        return new Viewer(effective(caller, accounts.user(caller.userId()).orElse(null)));
    }

    /**
     * The caller's account as the read model shows it, with what decides access (active, org unit,
     * roles) taken from the command side's record, which never lags: the viewer sees the rights it
     * is actually given. Without a read-model row yet, the identity stands in for the details.
     */
    private static UserView effective(Caller caller, UserView read) {
        java.time.Instant now = java.time.Instant.now();
        return new UserView(caller.userId(), caller.issuer(), caller.subject(),
                read == null ? caller.subject() : read.displayName(), read == null ? "" : read.email(),
                caller.orgUnitId(), caller.active(), caller.account().version(), caller.roles(),
                read == null ? List.of() : read.transfers(), read == null ? now : read.createdAt(),
                read == null ? now : read.updatedAt());
    }

    @QueryMapping
    public UserView user(@Argument String id) {
        UUID userId = id("id", id);
        OrgScope scope = access.require(Permission.USER_READ, "user");
        access.trail().touched(userId);
        Optional<UserView> user = accounts.user(userId);
        if (user.isEmpty()) {
            if (scope.national()) {
                return null;
            }
            throw access.deny("user", userId, "the account is not within the caller's reach");
        }
        access.requireOrgUnit(Permission.USER_READ, "user", user.get().orgUnitId());
        return user.get();
    }

    @QueryMapping
    public Connection<UserView> users(@Argument UserFilterInput filter, @Argument Integer first, @Argument String after) {
        OrgScope scope = access.require(Permission.USER_READ, "users");
        int size = Inputs.pageSize("first", first);
        UserFilter f = filter == null ? UserFilter.none() : new UserFilter(text(filter.text()), filter.role(),
                id("filter.orgUnitId", filter.orgUnitId()), filter.active());
        return page(() -> accounts.users(f, scope, size, after));
    }

    @QueryMapping
    public WorkingGroupView workingGroup(@Argument String id) {
        UUID groupId = id("id", id);
        OrgScope scope = access.require(Permission.WORKING_GROUP_READ, "workingGroup");
        access.trail().touched(groupId);
        Optional<WorkingGroupView> group = accounts.workingGroup(groupId);
        if (group.isEmpty()) {
            if (scope.national()) {
                return null;
            }
            throw access.deny("workingGroup", groupId, "the working group is not within the caller's reach");
        }
        access.requireOrgUnit(Permission.WORKING_GROUP_READ, "workingGroup", group.get().orgUnitId());
        return group.get();
    }

    @QueryMapping
    public WorkingGroupView workingGroupOfOrgUnit(@Argument String orgUnitId) {
        UUID unit = id("orgUnitId", orgUnitId);
        access.requireOrgUnit(Permission.WORKING_GROUP_READ, "workingGroupOfOrgUnit", unit);
        return accounts.workingGroupOfOrgUnit(unit).orElse(null);
    }

    @QueryMapping
    public Connection<WorkingGroupView> workingGroups(@Argument Integer first, @Argument String after) {
        OrgScope scope = access.require(Permission.WORKING_GROUP_READ, "workingGroups");
        int size = Inputs.pageSize("first", first);
        return page(() -> accounts.workingGroups(scope, size, after));
    }

    // ---------------------------------------------------------------- Viewer fields

    @SchemaMapping(typeName = "Viewer")
    public List<RoleView> roles(Viewer viewer) {
        return viewer.user().roles();
    }

    @SchemaMapping(typeName = "Viewer")
    public List<OrgUnitView> orgUnits(Viewer viewer) {
        return org.scopeRoots(access.scope(Permission.ORG_READ), 100);
    }

    @SchemaMapping(typeName = "Viewer")
    public List<WorkingGroupView> workingGroups(Viewer viewer) {
        return accounts.workingGroupsOf(viewer.user().id());
    }

    // ---------------------------------------------------------------- User fields

    @SchemaMapping(typeName = "User")
    public OrgUnitView orgUnit(UserView user) {
        return visibleOrgUnit(user.orgUnitId());
    }

    @SchemaMapping(typeName = "User")
    public List<WorkingGroupView> workingGroups(UserView user) {
        OrgScope scope = access.scope(Permission.WORKING_GROUP_READ);
        Caller caller = access.caller();
        return accounts.workingGroupsOf(user.id()).stream()
                .filter(g -> user.id().equals(caller.userId()) || inScope(scope, g.orgUnitId())).toList();
    }

    /** Every reader used here loads transfers with the account (only the per-request identity lookup skips them). */
    @SchemaMapping(typeName = "User")
    public List<TransferView> transferHistory(UserView user) {
        return user.transfers();
    }

    // ---------------------------------------------------------------- WorkingGroup fields

    @SchemaMapping(typeName = "WorkingGroup")
    public OrgUnitView orgUnit(WorkingGroupView group) {
        return visibleOrgUnit(group.orgUnitId());
    }

    @SchemaMapping(typeName = "WorkingGroup")
    public List<Member> members(WorkingGroupView group) {
        Map<UUID, UserView> people = accounts.users(group.members().stream().map(WorkingGroupMemberView::userId).toList())
                .stream().collect(Collectors.toMap(UserView::id, Function.identity()));
        return group.members().stream().filter(m -> people.containsKey(m.userId()))
                .map(m -> new Member(m, people.get(m.userId()))).toList();
    }

    @SchemaMapping(typeName = "WorkingGroup")
    public Member leader(WorkingGroupView group) {
        return group.leaderId() == null ? null : members(group).stream()
                .filter(m -> m.account().id().equals(group.leaderId())).findFirst().orElse(null);
    }

    @SchemaMapping(typeName = "WorkingGroupMember")
    public UUID userId(Member member) {
        return member.account().id();
    }

    @SchemaMapping(typeName = "WorkingGroupMember")
    public String displayName(Member member) {
        return member.account().displayName();
    }

    @SchemaMapping(typeName = "WorkingGroupMember")
    public boolean active(Member member) {
        return member.account().active();
    }

    @SchemaMapping(typeName = "WorkingGroupMember")
    public String since(Member member) {
        return member.membership().since().toString();
    }

    @BatchMapping(typeName = "WorkingGroupMember")
    public Map<Member, List<WorkUnitView>> workUnits(List<Member> members) {
        Map<UUID, WorkUnitView> catalogue = org.workUnits(true).stream()
                .collect(Collectors.toMap(WorkUnitView::id, Function.identity()));
        Map<Member, List<WorkUnitView>> result = new HashMap<>();
        members.forEach(m -> result.put(m, m.membership().workUnitIds().stream().map(catalogue::get)
                .filter(Objects::nonNull).toList()));
        return result;
    }

    /** The full account, for callers who may read accounts of that org unit (or for oneself). */
    @SchemaMapping(typeName = "WorkingGroupMember")
    public UserView user(Member member) {
        UserView account = member.account();
        if (account.id().equals(access.caller().userId()) || inScope(access.scope(Permission.USER_READ), account.orgUnitId())) {
            return accounts.user(account.id()).orElse(account);
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private OrgUnitView visibleOrgUnit(UUID orgUnitId) {
        if (orgUnitId == null) {
            return null;
        }
        OrgScope scope = access.scope(Permission.ORG_READ);
        return org.orgUnit(orgUnitId).filter(u -> scope.contains(u.id(), u.county(), u.path())).orElse(null);
    }

    private boolean inScope(OrgScope scope, UUID orgUnitId) {
        return scope.national() || org.orgUnit(orgUnitId).map(u -> scope.contains(u.id(), u.county(), u.path())).orElse(false);
    }

    private static String text(String text) {
        if (text != null && text.length() > 200) {
            throw new InvalidInput("filter.text", "TOO_LONG", "Search text is limited to 200 characters");
        }
        return Inputs.searchText("filter.text", text);
    }

    private static <T> Connection<T> page(Supplier<Page<T>> read) {
        try {
            return Connection.of(read.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
    }
}

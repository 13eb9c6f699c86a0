package ro.marc.query.access;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.access.Role;
import ro.marc.events.org.County;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.AccessCommandSide;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccessReadModelProjection} against a real PostgreSQL, fed the events the real access
 * aggregates publish ({@link AccessCommandSide}), read back through {@link AccessQueries}. The org
 * units come from the org projection. The scenarios keep the access rules (a member belongs to the
 * group's org unit and holds a working-group role, at least one active central administrator...).
 */
class AccessReadModelProjectionTest {

    private static final String ISSUER = "https://login.mai.gov.ro/realms/marc";

    private final JdbcClient jdbc = TestServices.jdbc();
    private final AccessQueries queries = new AccessQueries(jdbc);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));
    private final AccessCommandSide stream = new AccessCommandSide(new AccessReadModelProjection(jdbc));
    private Clock axonClock;

    private final UUID root = UUID.randomUUID();
    private final UUID ministry = UUID.randomUUID();
    private final UUID police = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID rutierCluj = UUID.randomUUID();
    private final UUID ipjBihor = UUID.randomUUID();
    private final UUID dga = UUID.randomUUID();

    /** Event timestamps in microseconds, as PostgreSQL keeps them, so they compare equal once read back. */
    @BeforeEach
    void microsecondTimestamps() {
        axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = axonClock;
    }

    private static Instant at(DomainEventMessage<?> event) {
        return event.getTimestamp();
    }

    @BeforeEach
    void buildTree() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("""
                TRUNCATE app_user, app_user_role, app_user_transfer, working_group, working_group_member,
                         working_group_member_work_unit""").update();
        org.initialise(root, "MARC");
        org.create(ministry, root, "Ministerul Afacerilor Interne", null);
        org.create(police, ministry, "Inspectoratul General al Poliției Române", null);
        org.create(ipjCluj, police, "IPJ Cluj", County.CJ);
        org.create(rutierCluj, ipjCluj, "Serviciul Rutier", null); // inherits CJ
        org.create(ipjBihor, police, "IPJ Bihor", County.BH);
        org.create(dga, ministry, "Direcția Generală Anticorupție", null);
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void anAccountIsFoundByItsIdentityWithItsRoles() {
        UUID keeper = register("Ion Păstrător", dga);
        stream.grant(keeper, Role.CENTRAL_ADMIN); // so that Ana's CENTRAL_ADMIN can be revoked below
        UUID ana = UUID.randomUUID();
        DomainEventMessage<?> registered = stream.register(ana, ISSUER, "sub-ana", "Ana Mureșan",
                "ana.muresan@mai.gov.ro", ipjCluj);
        stream.grant(ana, Role.TERRITORIAL_ADMIN, County.CJ, County.BH);
        stream.grant(ana, Role.INTEGRITY_COUNSELLOR, true);
        DomainEventMessage<?> last = stream.grant(ana, Role.CENTRAL_ADMIN);

        UserView view = queries.userByIdentity(ISSUER, "sub-ana").orElseThrow();
        assertThat(view.id()).isEqualTo(ana);
        assertThat(view.issuer()).isEqualTo(ISSUER);
        assertThat(view.subject()).isEqualTo("sub-ana");
        assertThat(view.displayName()).isEqualTo("Ana Mureșan");
        assertThat(view.email()).isEqualTo("ana.muresan@mai.gov.ro");
        assertThat(view.orgUnitId()).isEqualTo(ipjCluj);
        assertThat(view.active()).isTrue();
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.createdAt()).isEqualTo(at(registered));
        assertThat(view.updatedAt()).isEqualTo(at(last));
        // in the enum's order
        assertThat(view.roles()).containsExactly(
                new RoleView(Role.CENTRAL_ADMIN, List.of(), false),
                new RoleView(Role.TERRITORIAL_ADMIN, List.of("BH", "CJ"), false),
                new RoleView(Role.INTEGRITY_COUNSELLOR, List.of(), true));
        assertThat(view.holds(Role.TERRITORIAL_ADMIN)).isTrue();
        assertThat(view.holds(Role.AUDITOR)).isFalse();
        assertThat(view.transfers()).isEmpty();
        assertThat(jdbc.sql("SELECT display_name_folded FROM app_user WHERE id = ?").param(ana)
                .query(String.class).single()).isEqualTo("ana muresan");

        // a re-grant replaces the terms; a revoke removes the role
        stream.grant(ana, Role.TERRITORIAL_ADMIN, County.B);
        stream.grant(ana, Role.INTEGRITY_COUNSELLOR, false);
        stream.revoke(ana, Role.CENTRAL_ADMIN);
        stream.updateDetails(ana, "Ana Pop", "ana.pop@mai.gov.ro");
        UserView after = queries.userByIdentity(ISSUER, "sub-ana").orElseThrow();
        assertThat(after.roles()).containsExactly(
                new RoleView(Role.TERRITORIAL_ADMIN, List.of("B"), false),
                new RoleView(Role.INTEGRITY_COUNSELLOR, List.of(), false));
        assertThat(after.displayName()).isEqualTo("Ana Pop");
        assertThat(after.email()).isEqualTo("ana.pop@mai.gov.ro");
        assertThat(after.version()).isEqualTo(8);
        assertThat(queries.user(ana).orElseThrow()).isEqualTo(after);

        UUID radu = UUID.randomUUID();
        stream.register(radu, ISSUER, "sub-radu", "Radu Ene", "radu.ene@mai.gov.ro", dga);
        UserView withoutRoles = queries.userByIdentity(ISSUER, "sub-radu").orElseThrow();
        assertThat(withoutRoles.roles()).isEmpty();
        assertThat(withoutRoles.email()).isEqualTo("radu.ene@mai.gov.ro");

        assertThat(queries.userByIdentity(ISSUER, "sub-nobody")).isEmpty();
        assertThat(queries.userByIdentity("https://elsewhere", "sub-ana")).isEmpty();
        assertThat(queries.user(UUID.randomUUID())).isEmpty();
        assertThat(queries.users(List.of(radu, UUID.randomUUID(), ana))).extracting(UserView::id)
                .containsExactly(ana, radu); // by folded name: "ana pop" < "radu ene"
        assertThat(queries.users(List.of())).isEmpty();
    }

    @Test
    void aTransferReplacesTheIdentityAndKeepsTheHistory() {
        UUID account = UUID.randomUUID();
        stream.register(account, ISSUER, "sub-ion", "Ion Popescu", "ion.popescu@mai.gov.ro", ipjBihor);
        stream.grant(account, Role.WORKING_GROUP_HEAD);
        DomainEventMessage<?> first = stream.actingAs("admin-1")
                .transfer(account, ISSUER, "sub-maria", "Maria Ionescu", "maria.ionescu@mai.gov.ro",
                        "Pensionare; predat la 1 aprilie");

        assertThat(queries.userByIdentity(ISSUER, "sub-ion")).isEmpty();
        UserView byNewIdentity = queries.userByIdentity(ISSUER, "sub-maria").orElseThrow();
        assertThat(byNewIdentity.id()).isEqualTo(account);
        assertThat(byNewIdentity.displayName()).isEqualTo("Maria Ionescu");
        assertThat(byNewIdentity.roles()).extracting(RoleView::role).containsExactly(Role.WORKING_GROUP_HEAD);
        assertThat(byNewIdentity.version()).isEqualTo(3);
        assertThat(byNewIdentity.transfers()).isEmpty(); // not read on the per-request lookup

        TransferView transfer = new TransferView(at(first), ISSUER, "sub-ion",
                "Ion Popescu", "ion.popescu@mai.gov.ro", ISSUER, "sub-maria", "Maria Ionescu",
                "maria.ionescu@mai.gov.ro", "Pensionare; predat la 1 aprilie", "admin-1");
        assertThat(queries.user(account).orElseThrow().transfers()).containsExactly(transfer);

        // the old identity can be linked to a new account; a second transfer is appended
        UUID newcomer = UUID.randomUUID();
        stream.actingAs("system").register(newcomer, ISSUER, "sub-ion", "Ion Popescu", "ion.popescu@mai.gov.ro", dga);
        DomainEventMessage<?> second = stream.actingAs("admin-2")
                .transfer(account, ISSUER, "sub-vlad", "Vlad Stan", "vlad.stan@mai.gov.ro", "Mutare");
        assertThat(queries.userByIdentity(ISSUER, "sub-ion").orElseThrow().id()).isEqualTo(newcomer);
        assertThat(queries.userByIdentity(ISSUER, "sub-maria")).isEmpty();
        assertThat(queries.userByIdentity(ISSUER, "sub-vlad").orElseThrow().id()).isEqualTo(account);
        List<TransferView> history = queries.user(account).orElseThrow().transfers();
        assertThat(history).hasSize(2);
        assertThat(history.getFirst()).isEqualTo(transfer);
        assertThat(history.get(1)).isEqualTo(new TransferView(at(second), ISSUER,
                "sub-maria", "Maria Ionescu", "maria.ionescu@mai.gov.ro", ISSUER, "sub-vlad", "Vlad Stan",
                "vlad.stan@mai.gov.ro", "Mutare", "admin-2"));
        assertThat(queries.users(List.of(account, newcomer))).extracting(u -> u.transfers().size())
                .containsExactly(0, 2); // "ion popescu" < "vlad stan"
        assertThat(queries.users(UserFilter.none(), OrgScope.everything(), 10, null).items())
                .extracting(u -> u.transfers().size()).containsExactly(0, 2);
    }

    @Test
    void deactivationAndReactivation() {
        UUID admin = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        stream.register(admin, ISSUER, "sub-a", "Admin Central", "admin.central@mai.gov.ro", ministry);
        stream.register(other, ISSUER, "sub-b", "Alt Admin", "alt.admin@mai.gov.ro", ministry);
        stream.grant(admin, Role.CENTRAL_ADMIN);
        stream.grant(other, Role.CENTRAL_ADMIN);
        assertThat(queries.activeCentralAdminCount()).isEqualTo(2);

        DomainEventMessage<?> deactivated = stream.deactivate(other, "A plecat din instituție");
        UserView view = queries.userByIdentity(ISSUER, "sub-b").orElseThrow();
        assertThat(view.active()).isFalse();
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.updatedAt()).isEqualTo(at(deactivated));
        assertThat(view.roles()).extracting(RoleView::role).containsExactly(Role.CENTRAL_ADMIN);
        assertThat(queries.activeCentralAdminCount()).isEqualTo(1);
        assertThat(ids(queries.users(new UserFilter(null, null, null, true), OrgScope.everything(), 10, null)))
                .containsExactly(admin);
        assertThat(ids(queries.users(new UserFilter(null, null, null, false), OrgScope.everything(), 10, null)))
                .containsExactly(other);

        stream.reactivate(other);
        assertThat(queries.user(other).orElseThrow().active()).isTrue();
        assertThat(queries.user(other).orElseThrow().version()).isEqualTo(4);
        assertThat(queries.activeCentralAdminCount()).isEqualTo(2);
        stream.revoke(admin, Role.CENTRAL_ADMIN);
        assertThat(queries.activeCentralAdminCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ idempotence

    @Test
    void replayingTheWholeStreamTwiceChangesNothing() throws Exception {
        everyKindOfEvent();
        List<String> before = dump();
        assertThat(before).hasSize(4 + 6 + 2 + 2 + 3);

        stream.replayAll();
        stream.replayAll();

        assertThat(dump()).containsExactlyElementsOf(before);
    }

    @Test
    void aResetFollowedByAReplayRebuildsTheSameRows() throws Exception {
        everyKindOfEvent();
        List<String> before = dump();

        stream.resetAndReplay();

        assertThat(dump()).containsExactlyElementsOf(before);
    }

    @Test
    void anOldEventDeliveredAfterNewerOnesDoesNotOverwriteNewerState() throws Exception {
        UUID ana = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        DomainEventMessage<?> registered = stream.register(ana, ISSUER, "sub-ana", "Ana", "ana@mai.gov.ro", ipjCluj);
        stream.register(dan, ISSUER, "sub-dan", "Dan", "dan@mai.gov.ro", ipjCluj);
        stream.grant(dan, Role.INTEGRITY_COUNSELLOR);
        DomainEventMessage<?> firstGrant = stream.grant(ana, Role.TERRITORIAL_ADMIN, County.CJ);
        stream.grant(ana, Role.TERRITORIAL_ADMIN, County.BH);
        DomainEventMessage<?> granted = stream.grant(ana, Role.AUDITOR);
        stream.revoke(ana, Role.AUDITOR);
        DomainEventMessage<?> detailsUpdated = stream.updateDetails(ana, "Ana M", "a@mai.gov.ro");
        DomainEventMessage<?> firstTransfer = stream.transfer(ana, ISSUER, "sub-ana-2", "Ana Doi", "ana2@mai.gov.ro", "1");
        stream.transfer(ana, ISSUER, "sub-ana-3", "Ana Trei", "ana3@mai.gov.ro", "2");
        DomainEventMessage<?> deactivated = stream.deactivate(ana, "concediu");
        stream.reactivate(ana);
        stream.grant(ana, Role.WORKING_GROUP_HEAD);
        DomainEventMessage<?> defined = stream.defineGroup(group, ipjCluj, "GL IPJ Cluj");
        stream.addMember(group, ana);
        DomainEventMessage<?> danAdded = stream.addMember(group, dan);
        DomainEventMessage<?> danLeads = stream.appointLeader(group, dan);
        stream.appointLeader(group, ana);
        DomainEventMessage<?> danRemoved = stream.removeMember(group, dan);
        stream.addMember(group, dan);
        DomainEventMessage<?> anaRemoved = stream.removeMember(group, ana);
        List<String> before = dump();

        stream.deliver(registered, firstGrant, granted, detailsUpdated, firstTransfer, deactivated, defined, danAdded,
                danLeads, danRemoved, anaRemoved);

        assertThat(dump()).containsExactlyElementsOf(before);
        UserView view = queries.user(ana).orElseThrow();
        assertThat(view.subject()).isEqualTo("sub-ana-3");
        assertThat(view.displayName()).isEqualTo("Ana Trei");
        assertThat(view.active()).isTrue();
        assertThat(view.roles()).containsExactly(new RoleView(Role.TERRITORIAL_ADMIN, List.of("BH"), false),
                new RoleView(Role.WORKING_GROUP_HEAD, List.of(), false));
        assertThat(view.transfers()).hasSize(2);
        WorkingGroupView groupView = queries.workingGroup(group).orElseThrow();
        assertThat(groupView.leaderId()).isNull(); // ana led it and was removed
        assertThat(groupView.members()).extracting(WorkingGroupMemberView::userId).containsExactly(dan);
        assertThat(groupView.version()).isEqualTo(8);
    }

    // ------------------------------------------------------------------ listings

    @Test
    void listsTheUsersInsideTheScope() {
        UUID ana = register("Ana Cluj", ipjCluj);
        UUID bogdan = register("Bogdan Rutier", rutierCluj);
        UUID cristi = register("Cristi Bihor", ipjBihor);
        UUID dana = register("Dana DGA", dga);
        UUID elena = register("Elena IGPR", police);
        stream.grant(cristi, Role.RISK_OWNER);
        stream.grant(elena, Role.RISK_OWNER);
        stream.grant(ana, Role.AUDITOR);

        assertThat(ids(users(OrgScope.everything()))).containsExactly(ana, bogdan, cristi, dana, elena);
        assertThat(ids(users(OrgScope.nothing()))).isEmpty();
        assertThat(ids(users(counties("CJ")))).containsExactly(ana, bogdan);
        assertThat(ids(users(counties("CJ", "BH")))).containsExactly(ana, bogdan, cristi);
        assertThat(ids(users(counties("TM")))).isEmpty();
        String policePath = "/" + root + "/" + ministry + "/" + police + "/";
        assertThat(ids(users(subtree(policePath)))).containsExactly(ana, bogdan, cristi, elena);
        assertThat(ids(users(subtree(policePath + ipjCluj + "/")))).containsExactly(ana, bogdan);
        assertThat(ids(users(units(dga, ipjBihor)))).containsExactly(cristi, dana);
        assertThat(ids(users(units(ipjCluj)))).containsExactly(ana); // a unit alone, not its subtree
        assertThat(ids(users(counties("BH").union(units(dga))))).containsExactly(cristi, dana);

        // narrowed by role, by org unit subtree and by both, always inside the scope
        assertThat(ids(queries.users(new UserFilter(null, Role.RISK_OWNER, null, null), OrgScope.everything(), 10,
                null))).containsExactly(cristi, elena);
        assertThat(ids(queries.users(new UserFilter(null, Role.RISK_OWNER, null, null), counties("BH"), 10, null)))
                .containsExactly(cristi);
        assertThat(ids(queries.users(new UserFilter(null, null, ipjCluj, null), OrgScope.everything(), 10, null)))
                .containsExactly(ana, bogdan);
        assertThat(ids(queries.users(new UserFilter(null, null, police, null), counties("CJ"), 10, null)))
                .containsExactly(ana, bogdan);
        assertThat(ids(queries.users(new UserFilter(null, null, police, null), units(dga), 10, null))).isEmpty();
        assertThat(ids(queries.users(new UserFilter(null, Role.AUDITOR, police, true), OrgScope.everything(), 10,
                null))).containsExactly(ana);
        assertThat(ids(queries.users(new UserFilter(null, null, UUID.randomUUID(), null), OrgScope.everything(), 10,
                null))).isEmpty();
        assertThat(ids(queries.users(null, OrgScope.everything(), 10, null))).hasSize(5);
    }

    @Test
    void findsUsersByWordsOfTheNameOrEmailWithOrWithoutDiacritics() {
        UUID stefan = register("Ștefan Mărgineanu", "stefan.margineanu@mai.gov.ro", ipjCluj);
        UUID ioana = register("Ioana Țăranu", ipjCluj);
        UUID ion = register("Ion Popescu", ipjBihor);
        UUID maria = register("Maria Ionescu", "m.ionescu_2@mai.gov.ro", dga);

        assertThat(ids(text("stefan"))).containsExactly(stefan);
        assertThat(ids(text("Ştefan"))).containsExactly(stefan); // legacy cedilla
        assertThat(ids(text("  ȘTEFAN   mărg "))).containsExactly(stefan);
        assertThat(ids(text("margineanu@"))).containsExactly(stefan);
        assertThat(ids(text("țara"))).containsExactly(ioana);
        assertThat(ids(text("tara"))).containsExactly(ioana);
        assertThat(ids(text("ion"))).containsExactly(ion, maria); // "ion popescu" < "maria ionescu"
        assertThat(ids(text("ion pop"))).containsExactly(ion);
        assertThat(ids(text("m.ionescu"))).containsExactly(maria);
        assertThat(ids(text("_2"))).containsExactly(maria);
        assertThat(ids(text("_"))).containsExactly(maria); // '_' is not a wildcard
        assertThat(ids(text("%"))).isEmpty();
        assertThat(ids(text("ion stefan"))).isEmpty(); // every word must match
        assertThat(ids(text("   "))).hasSize(4);
        assertThat(ids(queries.users(new UserFilter("ion", null, null, null), counties("BH"), 10, null)))
                .containsExactly(ion);
    }

    @Test
    void pagesThroughUsersByNameWithACursor() {
        List<UUID> expected = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            expected.add(register(String.format("Utilizator %02d", i), i % 2 == 0 ? ipjCluj : rutierCluj));
        }
        register("Altcineva Bihor", ipjBihor); // outside the scope below

        List<UUID> seen = new ArrayList<>();
        Page<UserView> page = queries.users(UserFilter.none(), counties("CJ"), 10, null);
        assertThat(page.items()).hasSize(10);
        assertThat(page.cursors()).hasSize(10);
        assertThat(page.hasNextPage()).isTrue();
        seen.addAll(ids(page));
        page = queries.users(UserFilter.none(), counties("CJ"), 10, page.endCursor());
        assertThat(page.items()).hasSize(10);
        assertThat(page.hasNextPage()).isTrue();
        seen.addAll(ids(page));
        page = queries.users(UserFilter.none(), counties("CJ"), 10, page.endCursor());
        assertThat(page.items()).hasSize(5);
        assertThat(page.hasNextPage()).isFalse();
        seen.addAll(ids(page));
        assertThat(seen).containsExactlyElementsOf(expected);

        // a cursor from the middle of a page continues right after that row
        Page<UserView> first = queries.users(UserFilter.none(), counties("CJ"), 10, null);
        assertThat(ids(queries.users(UserFilter.none(), counties("CJ"), 3, first.cursors().get(4))))
                .containsExactlyElementsOf(expected.subList(5, 8));
        Page<UserView> exact = queries.users(new UserFilter("utilizator", null, null, null), OrgScope.everything(),
                25, null);
        assertThat(exact.items()).hasSize(25);
        assertThat(exact.hasNextPage()).isFalse();
    }

    // ------------------------------------------------------------------ working groups

    @Test
    void projectsWorkingGroupsWithMembersAndLeader() {
        UUID ana = register("Ana", ipjCluj);
        UUID bogdan = register("Bogdan", ipjCluj);
        UUID elena = register("Elena", ipjCluj);
        UUID cristi = register("Cristi", ipjBihor);
        UUID dana = register("Dana", ministry);
        stream.grant(ana, Role.WORKING_GROUP_HEAD);
        stream.grant(bogdan, Role.INTEGRITY_COUNSELLOR, true);
        stream.grant(elena, Role.WORKING_GROUP_MEMBER);
        stream.grant(cristi, Role.WORKING_GROUP_MEMBER);
        stream.grant(dana, Role.WORKING_GROUP_MEMBER);
        UUID cluj = UUID.randomUUID();
        UUID bihor = UUID.randomUUID();
        UUID central = UUID.randomUUID();
        DomainEventMessage<?> defined = stream.defineGroup(cluj, ipjCluj, "Grupul de lucru IPJ Cluj");
        DomainEventMessage<?> anaAdded = stream.addMember(cluj, ana);
        DomainEventMessage<?> bogdanAdded = stream.addMember(cluj, bogdan);
        DomainEventMessage<?> appointed = stream.appointLeader(cluj, ana);
        stream.defineGroup(bihor, ipjBihor, "Grupul de lucru IPJ Bihor");
        stream.addMember(bihor, cristi);
        stream.defineGroup(central, ministry, "Grupul de lucru MAI");
        stream.addMember(central, dana);

        WorkingGroupView group = queries.workingGroup(cluj).orElseThrow();
        assertThat(group).isEqualTo(new WorkingGroupView(cluj, ipjCluj, "Grupul de lucru IPJ Cluj", ana, 4,
                List.of(new WorkingGroupMemberView(ana, at(anaAdded), List.of()),
                        new WorkingGroupMemberView(bogdan, at(bogdanAdded), List.of())),
                at(defined), at(appointed)));
        assertThat(queries.workingGroupOfOrgUnit(ipjCluj)).contains(group);
        assertThat(queries.workingGroupOfOrgUnit(dga)).isEmpty();
        assertThat(queries.workingGroup(UUID.randomUUID())).isEmpty();
        // a member belongs to the group of their own org unit: one group at most
        assertThat(queries.workingGroupsOf(ana)).extracting(WorkingGroupView::id).containsExactly(cluj);
        assertThat(queries.workingGroupsOf(cristi)).extracting(WorkingGroupView::id).containsExactly(bihor);
        assertThat(queries.workingGroupsOf(dana)).extracting(WorkingGroupView::id).containsExactly(central);
        assertThat(queries.workingGroupsOf(UUID.randomUUID())).isEmpty();

        // removing the leader leaves the group without one
        stream.removeMember(cluj, ana);
        WorkingGroupView after = queries.workingGroup(cluj).orElseThrow();
        assertThat(after.leaderId()).isNull();
        assertThat(after.members()).extracting(WorkingGroupMemberView::userId).containsExactly(bogdan);
        assertThat(after.version()).isEqualTo(5);
        assertThat(queries.workingGroupsOf(ana)).isEmpty();
        stream.appointLeader(cluj, bogdan);
        assertThat(queries.workingGroup(cluj).orElseThrow().leaderId()).isEqualTo(bogdan);
        // removing another member keeps the leader
        stream.addMember(cluj, elena);
        stream.removeMember(cluj, elena);
        assertThat(queries.workingGroup(cluj).orElseThrow().leaderId()).isEqualTo(bogdan);

        // the member's work units, once the plan assigns them
        UUID workUnit = UUID.randomUUID();
        jdbc.sql("INSERT INTO working_group_member_work_unit VALUES (?, ?, ?)").params(cluj, bogdan, workUnit).update();
        assertThat(queries.workingGroup(cluj).orElseThrow().members().getFirst().workUnitIds())
                .containsExactly(workUnit);

        // listed in org unit path order, inside the scope
        Page<WorkingGroupView> first = queries.workingGroups(OrgScope.everything(), 2, null);
        assertThat(first.items()).extracting(WorkingGroupView::id).containsExactly(central,
                pathOf(ipjBihor).compareTo(pathOf(ipjCluj)) < 0 ? bihor : cluj);
        assertThat(first.hasNextPage()).isTrue();
        Page<WorkingGroupView> second = queries.workingGroups(OrgScope.everything(), 2, first.endCursor());
        assertThat(second.items()).extracting(WorkingGroupView::id)
                .containsExactly(pathOf(ipjBihor).compareTo(pathOf(ipjCluj)) < 0 ? cluj : bihor);
        assertThat(second.hasNextPage()).isFalse();
        assertThat(second.items().getFirst().members()).isNotEmpty();
        assertThat(queries.workingGroups(counties("CJ"), 10, null).items()).extracting(WorkingGroupView::id)
                .containsExactly(cluj);
        assertThat(queries.workingGroups(subtree(pathOf(police)), 10, null).items()).extracting(WorkingGroupView::id)
                .containsExactlyInAnyOrder(cluj, bihor);
        assertThat(queries.workingGroups(units(ministry), 10, null).items()).extracting(WorkingGroupView::id)
                .containsExactly(central);
        assertThat(queries.workingGroups(OrgScope.nothing(), 10, null).items()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** A stream with every kind of event, including an identity handed over and then reused by a new account. */
    private void everyKindOfEvent() {
        UUID ana = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        UUID ion = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        stream.register(ana, ISSUER, "sub-ana", "Ana Mureșan", "ana@mai.gov.ro", ipjCluj);
        stream.register(dan, ISSUER, "sub-dan", "Dan Ene", "dan@mai.gov.ro", ipjCluj);
        stream.register(ion, ISSUER, "sub-ion", "Ion Popescu", "ion@mai.gov.ro", ipjBihor);
        stream.grant(ana, Role.CENTRAL_ADMIN);
        stream.grant(ana, Role.TERRITORIAL_ADMIN, County.CJ);
        stream.grant(ana, Role.TERRITORIAL_ADMIN, County.CJ, County.BH);
        stream.grant(ana, Role.WORKING_GROUP_MEMBER);
        stream.grant(dan, Role.INTEGRITY_COUNSELLOR, true);
        stream.grant(dan, Role.WORKING_GROUP_MEMBER);
        stream.grant(ion, Role.AUDITOR);
        stream.grant(ion, Role.WORKING_GROUP_HEAD);
        stream.revoke(ion, Role.AUDITOR);
        stream.updateDetails(dan, "Dan Enescu", "dan.enescu@mai.gov.ro");
        stream.actingAs("admin-1").transfer(ion, ISSUER, "sub-maria", "Maria Ionescu", "maria@mai.gov.ro", "Pensionare");
        stream.actingAs("system").register(newcomer, ISSUER, "sub-ion", "Ion Popescu", "ion.nou@mai.gov.ro", dga);
        stream.transfer(ion, ISSUER, "sub-vlad", "Vlad Stan", "vlad@mai.gov.ro", "Mutare");
        stream.deactivate(dan, "concediu");
        stream.reactivate(dan);
        stream.deactivate(newcomer, "eroare");
        stream.defineGroup(group, ipjCluj, "GL IPJ Cluj");
        stream.addMember(group, ana);
        stream.addMember(group, dan);
        stream.appointLeader(group, dan);
        stream.removeMember(group, dan);
        stream.addMember(group, dan);
        stream.defineGroup(other, ipjBihor, "GL IPJ Bihor");
        stream.addMember(other, ion);
        stream.appointLeader(other, ion);
    }

    /** Every row of the access tables, all columns (timestamps included), in key order. */
    private List<String> dump() {
        List<String> rows = new ArrayList<>();
        for (String tableAndKey : List.of("app_user t ORDER BY id", "app_user_role t ORDER BY user_id, role",
                "app_user_transfer t ORDER BY user_id, seq", "working_group t ORDER BY id",
                "working_group_member t ORDER BY working_group_id, user_id",
                "working_group_member_work_unit t ORDER BY working_group_id, user_id, work_unit_id")) {
            rows.addAll(jdbc.sql("SELECT row_to_json(t)::text FROM " + tableAndKey).query(String.class).list());
        }
        return rows;
    }

    /** An account with the e-mail "ana.cluj@test.invalid" for "Ana Cluj". */
    private UUID register(String name, UUID orgUnitId) {
        return register(name, RomanianText.fold(name).replace(' ', '.') + "@test.invalid", orgUnitId);
    }

    private UUID register(String name, String email, UUID orgUnitId) {
        UUID id = UUID.randomUUID();
        stream.register(id, ISSUER, "sub-" + id, name, email, orgUnitId);
        return id;
    }

    private Page<UserView> users(OrgScope scope) {
        return queries.users(UserFilter.none(), scope, 50, null);
    }

    private Page<UserView> text(String text) {
        return queries.users(new UserFilter(text, null, null, null), OrgScope.everything(), 50, null);
    }

    private String pathOf(UUID orgUnitId) {
        return jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(orgUnitId).query(String.class).single();
    }

    private static OrgScope counties(String... codes) {
        return new OrgScope(false, Set.of(codes), Set.of(), Set.of());
    }

    private static OrgScope subtree(String path) {
        return new OrgScope(false, Set.of(), Set.of(path), Set.of());
    }

    private static OrgScope units(UUID... ids) {
        return new OrgScope(false, Set.of(), Set.of(), Set.of(ids));
    }

    private static List<UUID> ids(Page<UserView> page) {
        return page.items().stream().map(UserView::id).toList();
    }
}

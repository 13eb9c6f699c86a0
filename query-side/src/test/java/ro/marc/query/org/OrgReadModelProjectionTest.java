package ro.marc.query.org;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.org.County;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link OrgReadModelProjection} against a real PostgreSQL, fed the events the real org aggregates
 * write ({@link OrganisationStream}), read back through {@link OrgQueries}.
 */
class OrgReadModelProjectionTest {

    private final JdbcClient jdbc = TestServices.jdbc();
    private final OrgQueries queries = new OrgQueries(jdbc);
    private final OrganisationStream stream = new OrganisationStream(new OrgReadModelProjection(jdbc));

    private final UUID root = UUID.randomUUID();
    private final UUID ministry = UUID.randomUUID();
    private final UUID police = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID rutierCluj = UUID.randomUUID();
    private final UUID ipjBihor = UUID.randomUUID();
    private final UUID dga = UUID.randomUUID();
    private final UUID antidrog = UUID.randomUUID();
    private final UUID scoala = UUID.randomUUID();
    private final UUID sts = UUID.randomUUID();
    private final UUID resurseUmane = UUID.randomUUID();
    private final UUID achizitii = UUID.randomUUID();
    private final UUID relatii = UUID.randomUUID();

    private DomainEventMessage<?> ipjClujCreated;
    private DomainEventMessage<?> lastIpjClujAssignment;

    @BeforeEach
    void buildTree() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();

        stream.initialise(root, "MARC");
        stream.create(ministry, root, "Ministerul Afacerilor Interne", null);
        stream.create(police, ministry, "Inspectoratul General al Poliției Române", null);
        ipjClujCreated = stream.create(ipjCluj, police, "IPJ Cluj", County.CJ);
        stream.create(rutierCluj, ipjCluj, "Serviciul Rutier", null); // inherits CJ
        stream.create(ipjBihor, police, "IPJ Bihor", County.BH);
        stream.create(dga, ministry, "Direcția Generală Anticorupție", null);
        stream.create(antidrog, ministry, "Agenția Națională Antidrog", null);
        stream.create(scoala, ministry, "Școala de Agenți de Poliție", null);
        stream.create(sts, ministry, "Serviciul de Telecomunicații Speciale", null);

        stream.defineWorkUnit(resurseUmane, "Resurse umane");
        stream.defineWorkUnit(achizitii, "Achiziții publice");
        stream.defineWorkUnit(relatii, "Relații cu publicul");

        // an org unit holds only work units of its parent: the ministry holds the whole catalogue
        stream.assign(ministry, resurseUmane);
        stream.assign(ministry, achizitii);
        stream.assign(ministry, relatii);
        stream.assign(police, resurseUmane);
        stream.assign(police, achizitii);
        stream.assign(ipjCluj, resurseUmane);
        lastIpjClujAssignment = stream.assign(ipjCluj, achizitii);
        stream.assign(ipjBihor, resurseUmane);
        stream.assign(dga, resurseUmane);
    }

    @Test
    void projectsTheTreeWithPathsLevelsCountiesAndVersions() {
        OrgUnitView rootView = queries.orgUnit(root).orElseThrow();
        assertThat(rootView.parentId()).isNull();
        assertThat(rootView.name()).isEqualTo("MARC");
        assertThat(rootView.level()).isZero();
        assertThat(rootView.county()).isNull();
        assertThat(rootView.path()).isEqualTo("/" + root + "/");
        assertThat(rootView.version()).isEqualTo(1);

        OrgUnitView cluj = queries.orgUnit(ipjCluj).orElseThrow();
        assertThat(cluj.parentId()).isEqualTo(police);
        assertThat(cluj.name()).isEqualTo("IPJ Cluj");
        assertThat(cluj.level()).isEqualTo(3);
        assertThat(cluj.county()).isEqualTo("CJ");
        assertThat(cluj.active()).isTrue();
        assertThat(cluj.path()).isEqualTo(path(root, ministry, police, ipjCluj));
        assertThat(cluj.version()).isEqualTo(3); // created + two assignments
        assertThat(cluj.createdAt()).isCloseTo(ipjClujCreated.getTimestamp(), within(1, ChronoUnit.MICROS));
        assertThat(cluj.updatedAt()).isCloseTo(lastIpjClujAssignment.getTimestamp(), within(1, ChronoUnit.MICROS));
        assertThat(lastEventSeq("org_unit", ipjCluj)).isEqualTo(lastIpjClujAssignment.getSequenceNumber()).isEqualTo(2);

        OrgUnitView rutier = queries.orgUnit(rutierCluj).orElseThrow();
        assertThat(rutier.level()).isEqualTo(4);
        assertThat(rutier.county()).isEqualTo("CJ");
        assertThat(rutier.path()).isEqualTo(path(root, ministry, police, ipjCluj, rutierCluj));
        assertThat(rutier.version()).isEqualTo(1);

        assertThat(queries.orgUnit(police).orElseThrow())
                .extracting(OrgUnitView::level, OrgUnitView::county, OrgUnitView::version)
                .containsExactly(2, null, 3L);
        assertThat(jdbc.sql("SELECT name_folded FROM org_unit WHERE id = ?").param(dga).query(String.class).single())
                .isEqualTo("directia generala anticoruptie");
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit").query(Long.class).single()).isEqualTo(10);
        assertThat(queries.orgUnit(UUID.randomUUID())).isEmpty();
    }

    @Test
    void listsChildrenByFoldedNameAcrossTwoPages() {
        Page<OrgUnitView> first = queries.children(ministry, OrgScope.everything(), 3, null);
        // folded: "agentia…" < "directia…" < "inspectoratul…" < "scoala…" < "serviciul…" (Ș sorts as s)
        assertThat(ids(first)).containsExactly(antidrog, dga, police);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.cursors()).hasSize(3);

        Page<OrgUnitView> second = queries.children(ministry, OrgScope.everything(), 3, first.endCursor());
        assertThat(ids(second)).containsExactly(scoala, sts);
        assertThat(second.hasNextPage()).isFalse();

        Page<OrgUnitView> exact = queries.children(ministry, OrgScope.everything(), 5, null);
        assertThat(exact.items()).hasSize(5);
        assertThat(exact.hasNextPage()).isFalse();
        assertThat(queries.children(ministry, OrgScope.everything(), 3, second.endCursor()).items()).isEmpty();
        assertThat(ids(queries.children(police, OrgScope.everything(), 10, null))).containsExactly(ipjBihor, ipjCluj);
        assertThat(ids(queries.children(rutierCluj, OrgScope.everything(), 10, null))).isEmpty();
    }

    @Test
    void listsASubtreeDepthFirstWithPagination() {
        Page<OrgUnitView> police = queries.subtree(this.police, OrgScope.everything(), 10, null);
        assertThat(ids(police)).containsExactlyInAnyOrder(ipjCluj, rutierCluj, ipjBihor);
        assertThat(police.items()).isSortedAccordingTo(Comparator.comparing(OrgUnitView::path));
        // depth first: the Cluj inspectorate is followed by its own service
        List<UUID> order = ids(police);
        assertThat(order.indexOf(rutierCluj)).isEqualTo(order.indexOf(ipjCluj) + 1);
        assertThat(police.hasNextPage()).isFalse();

        List<UUID> all = new ArrayList<>();
        Page<OrgUnitView> page = queries.subtree(root, OrgScope.everything(), 4, null);
        assertThat(page.hasNextPage()).isTrue();
        all.addAll(ids(page));
        page = queries.subtree(root, OrgScope.everything(), 4, page.endCursor());
        assertThat(page.hasNextPage()).isTrue();
        all.addAll(ids(page));
        page = queries.subtree(root, OrgScope.everything(), 4, page.endCursor());
        assertThat(page.hasNextPage()).isFalse();
        all.addAll(ids(page));
        assertThat(all).hasSize(9).doesNotHaveDuplicates().doesNotContain(root)
                .containsExactlyInAnyOrder(ministry, this.police, ipjCluj, rutierCluj, ipjBihor, dga, antidrog, scoala, sts);

        assertThat(queries.subtree(rutierCluj, OrgScope.everything(), 10, null).items()).isEmpty();
        assertThat(queries.subtree(UUID.randomUUID(), OrgScope.everything(), 10, null).items()).isEmpty();
    }

    @Test
    void findsOrgUnitsByWorkUnitAndWorkUnitsOfOrgUnits() {
        // folded: "directia…" < "inspectoratul…" < "ipj bihor" < "ipj cluj" < "ministerul…"
        Page<OrgUnitView> first = queries.orgUnitsByWorkUnit(resurseUmane, OrgScope.everything(), 3, null);
        assertThat(ids(first)).containsExactly(dga, police, ipjBihor);
        assertThat(first.hasNextPage()).isTrue();
        Page<OrgUnitView> second = queries.orgUnitsByWorkUnit(resurseUmane, OrgScope.everything(), 3, first.endCursor());
        assertThat(ids(second)).containsExactly(ipjCluj, ministry);
        assertThat(second.hasNextPage()).isFalse();

        assertThat(ids(queries.orgUnitsByWorkUnit(achizitii, OrgScope.everything(), 10, null))).containsExactly(police, ipjCluj, ministry);
        assertThat(ids(queries.orgUnitsByWorkUnit(relatii, OrgScope.everything(), 10, null))).containsExactly(ministry);

        Map<UUID, List<WorkUnitView>> of = queries.workUnitsOf(List.of(police, ipjBihor, antidrog));
        assertThat(of.get(police)).extracting(WorkUnitView::name).containsExactly("Achiziții publice", "Resurse umane");
        assertThat(of.get(ipjBihor)).extracting(WorkUnitView::name).containsExactly("Resurse umane");
        assertThat(of.get(antidrog)).isEmpty();

        assertThat(queries.workUnits(false)).extracting(WorkUnitView::name)
                .containsExactly("Achiziții publice", "Relații cu publicul", "Resurse umane");
    }

    @Test
    void movingAUnitCarriesItsSubtreeAlong() {
        UUID dop = departamentulDeOrdinePublica();
        stream.assign(dga, achizitii); // so that the Cluj inspectorate (HR, procurement) can move there later
        OrgUnitView dgaBefore = queries.orgUnit(dga).orElseThrow();
        DomainEventMessage<?> moved = stream.move(police, dop);
        Instant movedAt = moved.getTimestamp();

        OrgUnitView policeView = queries.orgUnit(police).orElseThrow();
        assertThat(policeView.parentId()).isEqualTo(dop);
        assertThat(policeView.level()).isEqualTo(3);
        assertThat(policeView.path()).isEqualTo(path(root, ministry, dop, police));
        assertThat(policeView.version()).isEqualTo(4);
        assertThat(policeView.updatedAt()).isCloseTo(movedAt, within(1, ChronoUnit.MICROS));

        OrgUnitView cluj = queries.orgUnit(ipjCluj).orElseThrow();
        assertThat(cluj.parentId()).isEqualTo(police);
        assertThat(cluj.level()).isEqualTo(4);
        assertThat(cluj.path()).isEqualTo(path(root, ministry, dop, police, ipjCluj));
        assertThat(cluj.version()).isEqualTo(3); // descendants' own versions do not change
        assertThat(cluj.county()).isEqualTo("CJ");
        assertThat(cluj.updatedAt()).isCloseTo(movedAt, within(1, ChronoUnit.MICROS));
        assertThat(queries.orgUnit(rutierCluj).orElseThrow())
                .extracting(OrgUnitView::level, OrgUnitView::path)
                .containsExactly(5, path(root, ministry, dop, police, ipjCluj, rutierCluj));
        assertThat(queries.orgUnit(ipjBihor).orElseThrow())
                .extracting(OrgUnitView::level, OrgUnitView::path)
                .containsExactly(4, path(root, ministry, dop, police, ipjBihor));
        // units outside the subtree are untouched
        assertThat(queries.orgUnit(dga).orElseThrow()).isEqualTo(dgaBefore);
        assertThat(dgaBefore.path()).isEqualTo(path(root, ministry, dga));

        assertThat(ids(queries.children(ministry, OrgScope.everything(), 10, null))).doesNotContain(police).contains(dop);
        assertThat(ids(queries.children(dop, OrgScope.everything(), 10, null))).containsExactly(police);
        assertThat(ids(queries.subtree(dop, OrgScope.everything(), 10, null))).containsExactlyInAnyOrder(police, ipjCluj, rutierCluj, ipjBihor);

        // moving a part of it sideways, to a unit of the same level: levels stay, paths follow
        stream.move(ipjCluj, dga);
        assertThat(ids(queries.subtree(police, OrgScope.everything(), 10, null))).containsExactly(ipjBihor);
        assertThat(ids(queries.subtree(dga, OrgScope.everything(), 10, null))).containsExactlyInAnyOrder(ipjCluj, rutierCluj);
        assertThat(queries.orgUnit(rutierCluj).orElseThrow())
                .extracting(OrgUnitView::level, OrgUnitView::path)
                .containsExactly(4, path(root, ministry, dga, ipjCluj, rutierCluj));
        assertThat(queries.orgUnit(ipjCluj).orElseThrow().level()).isEqualTo(3);
    }

    @Test
    void unassigningRemovesTheAssignmentAndAdvancesTheVersion() {
        DomainEventMessage<?> unassigned = stream.unassign(ipjCluj, achizitii);

        assertThat(ids(queries.orgUnitsByWorkUnit(achizitii, OrgScope.everything(), 10, null))).containsExactly(police, ministry);
        assertThat(queries.workUnitsOf(List.of(ipjCluj)).get(ipjCluj)).extracting(WorkUnitView::id)
                .containsExactly(resurseUmane);
        OrgUnitView cluj = queries.orgUnit(ipjCluj).orElseThrow();
        assertThat(cluj.version()).isEqualTo(4);
        assertThat(cluj.updatedAt()).isCloseTo(unassigned.getTimestamp(), within(1, ChronoUnit.MICROS));

        stream.retireWorkUnit(relatii);
        stream.renameWorkUnit(resurseUmane, "Resurse umane și salarizare");
        assertThat(queries.workUnits(false)).extracting(WorkUnitView::name)
                .containsExactly("Achiziții publice", "Resurse umane și salarizare");
        assertThat(queries.workUnits(true)).extracting(WorkUnitView::name, WorkUnitView::retired)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Achiziții publice", false),
                        org.assertj.core.groups.Tuple.tuple("Relații cu publicul", true),
                        org.assertj.core.groups.Tuple.tuple("Resurse umane și salarizare", false));
        assertThat(queries.workUnit(resurseUmane).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void replayingTheWholeStreamAgainChangesNothing() {
        UUID dop = departamentulDeOrdinePublica();
        stream.move(police, dop);
        stream.rename(ipjCluj, "Inspectoratul de Poliție Județean Cluj");
        stream.unassign(ipjCluj, achizitii);
        stream.deactivate(scoala);
        stream.deactivate(antidrog);
        stream.reactivate(antidrog);
        stream.renameWorkUnit(relatii, "Relații publice");
        stream.retireWorkUnit(relatii);
        stream.move(ipjCluj, dga);
        List<String> before = dump();
        assertThat(before).hasSize(11 + 3 + 11); // org units, work units, assignments

        stream.replayAll();

        assertThat(dump()).containsExactlyElementsOf(before);
        assertThat(queries.orgUnit(rutierCluj).orElseThrow())
                .extracting(OrgUnitView::level, OrgUnitView::path)
                .containsExactly(4, path(root, ministry, dga, ipjCluj, rutierCluj));
        assertThat(queries.orgUnit(scoala).orElseThrow().active()).isFalse();
        assertThat(queries.orgUnit(antidrog).orElseThrow().active()).isTrue();
    }

    @Test
    void anOldEventDeliveredAfterNewerOnesDoesNotOverwriteNewerState() {
        DomainEventMessage<?> firstRename = stream.rename(dga, "DGA");
        stream.rename(dga, "Direcția Generală Anticorupție (DGA)");
        DomainEventMessage<?> deactivated = stream.deactivate(ipjBihor);
        stream.reactivate(ipjBihor);
        stream.assign(police, relatii);
        DomainEventMessage<?> assigned = stream.assign(ipjBihor, relatii);
        stream.unassign(ipjBihor, relatii);
        DomainEventMessage<?> workUnitRenamed = stream.renameWorkUnit(achizitii, "Achiziții");
        stream.renameWorkUnit(achizitii, "Achiziții publice și contracte");
        UUID dop = departamentulDeOrdinePublica();
        DomainEventMessage<?> movedAway = stream.move(police, dop);
        stream.move(police, ministry);
        List<String> before = dump();

        for (DomainEventMessage<?> old : List.of(firstRename, deactivated, assigned, workUnitRenamed, movedAway,
                ipjClujCreated, lastIpjClujAssignment)) {
            stream.deliver(old);
        }

        assertThat(dump()).containsExactlyElementsOf(before);
        OrgUnitView dgaView = queries.orgUnit(dga).orElseThrow();
        assertThat(dgaView.name()).isEqualTo("Direcția Generală Anticorupție (DGA)");
        assertThat(dgaView.version()).isEqualTo(4); // created, assigned, renamed twice
        assertThat(queries.orgUnit(ipjBihor).orElseThrow().active()).isTrue();
        assertThat(ids(queries.orgUnitsByWorkUnit(relatii, OrgScope.everything(), 10, null))).doesNotContain(ipjBihor);
        assertThat(queries.workUnit(achizitii).orElseThrow().name()).isEqualTo("Achiziții publice și contracte");
        assertThat(queries.orgUnit(police).orElseThrow())
                .extracting(OrgUnitView::parentId, OrgUnitView::level, OrgUnitView::path)
                .containsExactly(ministry, 2, path(root, ministry, police));
        assertThat(queries.orgUnit(rutierCluj).orElseThrow())
                .extracting(OrgUnitView::level, OrgUnitView::path)
                .containsExactly(4, path(root, ministry, police, ipjCluj, rutierCluj));
    }

    // ------------------------------------------------------------------ helpers

    /** A new structure under the ministry, holding the whole catalogue (so the police can move under it). */
    private UUID departamentulDeOrdinePublica() {
        UUID dop = UUID.randomUUID();
        stream.create(dop, ministry, "Departamentul de Ordine Publică", null);
        stream.assign(dop, resurseUmane);
        stream.assign(dop, achizitii);
        stream.assign(dop, relatii);
        return dop;
    }

    /** Every row of the three read-model tables, all columns (timestamps included), in key order. */
    private List<String> dump() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT row_to_json(t)::text FROM org_unit t ORDER BY id").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT row_to_json(t)::text FROM work_unit t ORDER BY id").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT row_to_json(t)::text FROM org_unit_work_unit t ORDER BY org_unit_id, work_unit_id")
                .query(String.class).list());
        return rows;
    }

    private long lastEventSeq(String table, UUID id) {
        return jdbc.sql("SELECT last_event_seq FROM " + table + " WHERE id = ?").param(id).query(Long.class).single();
    }

    private static String path(UUID... ids) {
        StringBuilder path = new StringBuilder("/");
        for (UUID id : ids) {
            path.append(id).append('/');
        }
        return path.toString();
    }

    private static List<UUID> ids(Page<OrgUnitView> page) {
        return page.items().stream().map(OrgUnitView::id).toList();
    }
}

package ro.marc.api.local;

import ro.marc.api.local.DemoNomenclature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ro.marc.api.local.DemoNomenclature.*;
import ro.marc.api.local.DemoUsers;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.text.RomanianText;

import java.util.*;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo nomenclature file keeps the rules the nomenclature aggregate enforces, so the local run seeds it whole. */
class DemoNomenclatureDataTest {

    private static final Set<String> WORK_UNITS = Set.of(
            "Resurse umane", "IT&C", "Achiziții publice", "Financiar-contabil", "Ordine publică", "Migrație",
            "Situații de urgență", "Juridic", "Logistică", "Control intern și audit", "Relații publice",
            "Evidența persoanelor", "Pașapoarte", "Înmatriculări și permise auto", "Poliție rutieră", "Anticorupție");

    /** The work units of the demo org units of the accounts that propose (DemoOrganisation: county police). */
    private static final Map<String, Set<String>> WORK_UNITS_OF_ORG_UNIT = Map.of(
            "Inspectoratul de Poliție Județean Cluj", Set.of("Ordine publică", "Poliție rutieră", "Resurse umane", "Logistică"),
            "Inspectoratul de Poliție Județean Iași", Set.of("Ordine publică", "Poliție rutieră", "Resurse umane", "Logistică"));

    private static final int MAX_NAME_LENGTH = 200;

    private static Data data;

    @BeforeAll
    static void load() {
        data = DemoNomenclature.load();
    }

    private static List<ActivitySpec> approvedActivities() {
        return data.activities().stream().filter(a -> a.effectiveStatus() == ItemStatus.APPROVED).toList();
    }

    /** Every item with its effective origin (children of a pending item are pending proposals of its proposer). */
    private record Item(String path, Proposal origin, ActivitySpec activity, ItemStatus parentStatus) {
    }

    private static List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (ActivitySpec activity : data.activities()) {
            items.add(new Item(activity.name(), activity, activity, ItemStatus.APPROVED));
            if (activity.effectiveStatus() == ItemStatus.REJECTED) {
                continue;
            }
            for (TaskSpec task : activity.tasks()) {
                Proposal taskOrigin = DemoNomenclature.inherited(activity, task);
                items.add(new Item(activity.name() + " / " + task.name(), taskOrigin, activity, activity.effectiveStatus()));
                if (taskOrigin.effectiveStatus() == ItemStatus.REJECTED) {
                    continue;
                }
                for (DocumentSpec document : task.documents()) {
                    items.add(new Item(activity.name() + " / " + task.name() + " / " + document.name(),
                            DemoNomenclature.inherited(taskOrigin, document), activity, taskOrigin.effectiveStatus()));
                }
            }
            for (RiskSpec risk : activity.risks()) {
                items.add(new Item(activity.name() + " / " + risk.name(), DemoNomenclature.inherited(activity, risk), activity,
                        activity.effectiveStatus()));
            }
        }
        return items;
    }

    @Test
    void is_big_enough_for_a_realistic_demo() {
        List<ActivitySpec> approved = approvedActivities();
        assertThat(approved).hasSizeGreaterThanOrEqualTo(40);
        long risks = approved.stream().flatMap(a -> a.risks().stream())
                .filter(r -> r.effectiveStatus() == ItemStatus.APPROVED).count();
        assertThat(risks).isGreaterThanOrEqualTo(120);
        for (ActivitySpec activity : approved) {
            assertThat(activity.description()).as(activity.name()).isNotBlank();
            assertThat(activity.workUnits()).as(activity.name()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            assertThat(activity.tasks()).as(activity.name()).isNotEmpty();
            assertThat(activity.risks().stream().filter(r -> r.effectiveStatus() == ItemStatus.APPROVED))
                    .as(activity.name()).hasSizeGreaterThanOrEqualTo(3);
            activity.tasks().forEach(t -> assertThat(t.documents()).as(activity.name() + " / " + t.name()).isNotEmpty());
        }
        int subdomains = data.domains().stream().mapToInt(d -> d.subdomains().size()).sum();
        assertThat(data.domains()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(subdomains).isGreaterThanOrEqualTo(10);
        assertThat(data.regulatoryCauses()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void activities_attach_to_domains_without_subdomains() {
        Set<String> leaves = new HashSet<>();
        data.domains().forEach(d -> {
            if (d.subdomains().isEmpty()) {
                leaves.add(d.name());
            }
            leaves.addAll(d.subdomains());
        });
        data.activities().forEach(a -> assertThat(leaves).as(a.name()).contains(a.domain()));
    }

    @Test
    void work_units_are_among_the_standard_sixteen() {
        data.activities().forEach(a -> assertThat(WORK_UNITS).as(a.name()).containsAll(a.workUnits()));
        data.regulatoryCauses().forEach(c -> assertThat(WORK_UNITS).contains(c.workUnit()));
    }

    @Test
    void every_document_has_a_periodicity() {
        data.activities().forEach(a -> a.tasks().forEach(t -> t.documents().forEach(d ->
                assertThat(d.periodicity()).as(a.name() + " / " + t.name() + " / " + d.name()).isNotNull())));
    }

    @Test
    void contains_the_specification_example_risk() {
        ActivitySpec activity = data.activities().stream()
                .filter(a -> a.risks().stream().anyMatch(r ->
                        r.name().equals("Întocmirea în fals a unor documente pentru plata pe loc a contravențiilor")
                                && r.effectiveStatus() == ItemStatus.APPROVED))
                .findFirst().orElseThrow();
        assertThat(activity.name()).containsIgnoringCase("sancționarea contravențiilor");
        assertThat(activity.workUnits()).contains("Poliție rutieră", "Ordine publică");
    }

    @Test
    void names_are_unique_under_their_parent_and_not_too_long() {
        Set<String> domains = new HashSet<>();
        for (DomainSpec domain : data.domains()) {
            // domains are also unique overall: activities name their domain
            unique(domains, "domain", domain.name());
            domain.subdomains().forEach(sub -> unique(domains, "subdomain", sub));
        }
        Set<String> activities = new HashSet<>();
        for (ActivitySpec activity : data.activities()) {
            unique(activities, "activity", activity.name());
            Set<String> tasks = new HashSet<>();
            for (TaskSpec task : activity.tasks()) {
                unique(tasks, activity.name() + " / task", task.name());
                Set<String> documents = new HashSet<>();
                task.documents().forEach(d -> unique(documents, activity.name() + " / " + task.name() + " / document", d.name()));
            }
            Set<String> risks = new HashSet<>();
            activity.risks().forEach(r -> unique(risks, activity.name() + " / risk", r.name()));
        }
        data.referenceLists().forEach((list, names) -> {
            Set<String> keys = new HashSet<>();
            names.forEach(name -> unique(keys, list.name(), name));
        });
    }

    private static void unique(Set<String> seen, String where, String name) {
        assertThat(name).as(where).isNotBlank().hasSizeLessThanOrEqualTo(MAX_NAME_LENGTH)
                .isEqualTo(RomanianText.normaliseName(name));
        assertThat(seen.add(RomanianText.nameKey(name))).as(where + ": duplicate " + name).isTrue();
    }

    @Test
    void reference_lists_hold_the_defaults() {
        assertThat(data.referenceLists().keySet()).containsExactlyInAnyOrder(ReferenceList.values());
        assertThat(data.referenceLists().get(ReferenceList.IMPACT_DIMENSION)).containsExactly(
                "Performanța activităților", "Termene / întârzieri", "Buget", "Imaginea instituției");
        assertThat(data.referenceLists().get(ReferenceList.ACT_STATUS)).contains("În vigoare", "Modificat", "Abrogat");
        assertThat(data.referenceLists().get(ReferenceList.ACT_ISSUER)).contains("Parlamentul României", "Guvernul României",
                "Ministerul Afacerilor Interne");
        assertThat(data.referenceLists().get(ReferenceList.EFFECT)).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void regulatory_causes_are_complete_and_reference_existing_entries() {
        Map<String, ActivitySpec> activities = new HashMap<>();
        approvedActivities().forEach(a -> activities.put(a.name(), a));
        for (CauseSpec cause : data.regulatoryCauses()) {
            String what = cause.actType() + " " + cause.actNumber() + "/" + cause.yearInForce();
            assertThat(cause.actNumber()).as(what).matches("\\d+");
            assertThat(cause.articleNumber()).as(what).matches("\\d+");
            assertThat(cause.yearInForce()).as(what).isBetween(1864, 2026);
            ActivitySpec activity = activities.get(cause.activity());
            assertThat(activity).as(what + ": approved activity " + cause.activity()).isNotNull();
            assertThat(activity.workUnits()).as(what).contains(cause.workUnit());
            assertThat(data.referenceLists().get(ReferenceList.ACT_ISSUER)).as(what).contains(cause.issuer());
            assertThat(data.referenceLists().get(ReferenceList.ACT_TYPE)).as(what).contains(cause.actType());
            assertThat(data.referenceLists().get(ReferenceList.ACT_STATUS)).as(what).contains(cause.actStatus());
            for (String required : List.of(cause.actTitle(), cause.extract(), cause.corruptionFactors(),
                    cause.corruptionThreats(), cause.recommendations())) {
                assertThat(required).as(what).isNotBlank();
            }
            if (cause.author() != null) {
                assertThat(DemoUsers.find(cause.author())).as(what).isPresent();
            }
        }
    }

    @Test
    void proposals_come_from_demo_members_under_the_work_units_of_their_org_unit() {
        List<Item> items = items();
        int pending = 0;
        int rejected = 0;
        for (Item item : items) {
            Proposal origin = item.origin();
            if (origin.effectiveStatus() == ItemStatus.PROPOSED && item.parentStatus() != ItemStatus.PROPOSED) {
                pending++; // a proposal of its own, not a child of one
            }
            assertThat(origin.effectiveStatus()).as(item.path())
                    .isIn(ItemStatus.APPROVED, ItemStatus.PROPOSED, ItemStatus.REJECTED);
            if (origin.effectiveStatus() == ItemStatus.REJECTED) {
                rejected++;
                assertThat(origin.reason()).as(item.path()).isNotBlank();
            } else {
                assertThat(origin.reason()).as(item.path()).isNull();
            }
            if (DemoNomenclature.ADMINISTRATOR.equals(origin.proposer())) {
                continue;
            }
            DemoUsers.DemoUser user = DemoUsers.find(origin.proposer()).orElseThrow(
                    () -> new AssertionError(item.path() + ": unknown demo user " + origin.proposer()));
            Set<String> held = WORK_UNITS_OF_ORG_UNIT.get(user.orgUnit());
            assertThat(held).as(item.path() + ": work units of " + user.orgUnit()).isNotNull();
            assertThat(held).as(item.path() + ": proposed by " + user.username()).containsAll(item.activity().workUnits());
        }
        assertThat(pending).isBetween(6, 12);
        assertThat(rejected).isEqualTo(2);
    }

    @Test
    void children_of_pending_or_rejected_proposals_do_not_claim_another_origin() {
        Consumer<Proposal> noOrigin = child -> {
            assertThat(child.proposedBy()).isNull();
            assertThat(child.status()).isNull();
        };
        for (ActivitySpec activity : data.activities()) {
            switch (activity.effectiveStatus()) {
                case REJECTED -> assertThat(activity.tasks().isEmpty() && activity.risks().isEmpty())
                        .as(activity.name() + ": a rejected proposal has no children").isTrue();
                case PROPOSED -> {
                    activity.tasks().forEach(t -> {
                        noOrigin.accept(t);
                        t.documents().forEach(noOrigin);
                    });
                    activity.risks().forEach(noOrigin);
                }
                default -> activity.tasks().stream()
                        .filter(t -> t.effectiveStatus() != ItemStatus.APPROVED)
                        .forEach(t -> t.documents().forEach(noOrigin));
            }
        }
    }
}

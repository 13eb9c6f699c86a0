package ro.marc.api.authorization;

import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.GraphQlWebSocket;
import ro.marc.events.access.Role;
import tools.jackson.databind.JsonNode;

import java.util.*;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × operation × scope matrix: every GraphQL operation, called by every demo user (all
 * eight roles, territorial and working roles in two counties) on a target in Cluj, one in Iași and
 * one central structure. Expectations are written here by hand, independently of
 * {@link AccessRules}, so a change of the rules that is not also made here fails the build; so does
 * an operation of the schema without rows.
 *
 * <p>Allowed mutation rows are built to be refused by the domain after authorization (a stale
 * version or an empty name), so the matrix changes nothing: allowed means "not FORBIDDEN", denied
 * means FORBIDDEN with no data, and the event store is unchanged at the end.
 */
class AuthorizationMatrixTest extends ApiTestSupport {

    enum Target { CLUJ, IASI, CENTRAL, NONE }

    /** How a row is judged: a refusal, or, for lists, whether the target appears in the result. */
    enum Kind { MUTATION, READ, LIST, SUBSCRIPTION }

    record Operation(String name, Kind kind, List<Target> targets, BiPredicate<String, Target> allowed,
                     String expectedWhenAllowed, java.util.function.Function<Target, String> document,
                     String listPath) {
    }

    record Outcome(String operation, String user, Target target, boolean expectedAllowed, boolean allowed, String detail) {
    }

    // ---------------------------------------------------------------- who may do what (by hand)

    private static final Set<String> NATIONAL_READERS = Set.of("admin", "auditor");
    private static final Set<String> CLUJ_UNIT = Set.of("head.cluj", "counsellor.cluj", "member.cluj", "owner.cluj");
    private static final Set<String> IASI_UNIT = Set.of("head.iasi", "member.iasi", "owner.iasi");

    /** Reads of org units and working groups: own unit for working roles, IGPR's subtree for the central counsellor. */
    private static boolean readsOrg(String user, Target t) {
        return NATIONAL_READERS.contains(user)
                || (user.equals("admin.cluj") || CLUJ_UNIT.contains(user)) && t == Target.CLUJ
                || (user.equals("admin.iasi") || IASI_UNIT.contains(user)) && t == Target.IASI
                || user.equals("counsellor.central") && (t == Target.CLUJ || t == Target.IASI);
    }

    /** Organisation edits, account and working-group administration: central admin anywhere, territorial admin in the county. */
    private static boolean administers(String user, Target t) {
        return user.equals("admin")
                || user.equals("admin.cluj") && t == Target.CLUJ
                || user.equals("admin.iasi") && t == Target.IASI;
    }

    private static boolean centralAdminOnly(String user, Target t) {
        return user.equals("admin");
    }

    private static boolean everyone(String user, Target t) {
        return true;
    }

    /** Accounts: administrators in reach, auditors, and heads and counsellors of their own structure. */
    private static boolean readsUsers(String user, Target t) {
        return NATIONAL_READERS.contains(user)
                || user.equals("admin.cluj") && t == Target.CLUJ
                || user.equals("admin.iasi") && t == Target.IASI
                || Set.of("head.cluj", "counsellor.cluj").contains(user) && t == Target.CLUJ
                || user.equals("head.iasi") && t == Target.IASI;
    }

    /** Anexa 2: the working roles of a structure answer for themselves (the command decides on the plan). */
    private static boolean answersQuestionnaire(String user, Target t) {
        return CLUJ_UNIT.contains(user) || IASI_UNIT.contains(user);
    }

    /** Anexa 2 answers (and their .xlsx): heads and counsellors their structure and below, administrators in reach. */
    static boolean readsQuestionnaireAnswers(String user, Target t) {
        return NATIONAL_READERS.contains(user)
                || user.equals("admin.cluj") && t == Target.CLUJ
                || user.equals("admin.iasi") && t == Target.IASI
                || Set.of("head.cluj", "counsellor.cluj").contains(user) && t == Target.CLUJ
                || user.equals("head.iasi") && t == Target.IASI
                || user.equals("counsellor.central") && (t == Target.CLUJ || t == Target.IASI);
    }

    private static boolean readsHistory(String user, Target t) {
        return NATIONAL_READERS.contains(user)
                || user.equals("admin.cluj") && t == Target.CLUJ
                || user.equals("admin.iasi") && t == Target.IASI;
    }

    // ---------------------------------------------------------------- fixtures (demo data)

    private static final UUID IPJ_CLUJ = DemoOrganisation.id("Inspectoratul de Poliție Județean Cluj");
    private static final UUID IPJ_IASI = DemoOrganisation.id("Inspectoratul de Poliție Județean Iași");
    private static final UUID DGA = DemoOrganisation.id("Direcția Generală Anticorupție");
    private static final UUID HR = DemoOrganisation.id("wu:Resurse umane");
    private static final UUID CENTRAL_GROUP = UUID.nameUUIDFromBytes("matrix-central-group".getBytes());

    // nomenclature fixtures: activities, tasks and causes proposed in Cluj (member.cluj), in Iași
    // (member.iasi), and an approved central one under a work unit no county structure holds
    private static final UUID ORDINE_PUBLICA = DemoOrganisation.id("wu:Ordine publică");
    private static final UUID ANTICORUPTIE = DemoOrganisation.id("wu:Anticorupție");
    private static UUID fixture(String name) {
        return UUID.nameUUIDFromBytes(("matrix-nomenclature:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    private static final UUID DOMAIN = fixture("domain");
    private static final UUID LEAF = fixture("leaf");
    private static final UUID ISSUER = fixture("issuer");
    private static final UUID ACT_TYPE = fixture("act-type");
    private static final UUID ACT_STATUS = fixture("act-status");

    private static UUID activity(Target t) {
        return fixture("activity-" + t);
    }

    private static UUID task(Target t) {
        return fixture("task-" + t);
    }

    private static UUID cause(Target t) {
        return fixture("cause-" + t);
    }

    private static UUID workUnitOf(Target t) {
        return t == Target.CENTRAL ? ANTICORUPTIE : ORDINE_PUBLICA;
    }

    private static String causeFields(Target t, String actNumber) {
        return ("workUnitId: \"%s\", activityId: \"%s\", issuerId: \"%s\", actTypeId: \"%s\", actNumber: \"%s\", "
                + "yearInForce: 2002, actStatusId: \"%s\", actTitle: \"privind circulația\", articleNumber: \"109\", "
                + "extract: \"după caz\", corruptionFactors: \"ambiguitate\", corruptionThreats: \"abuz\", "
                + "recommendations: \"eliminare\"").formatted(workUnitOf(t), activity(t), ISSUER, ACT_TYPE, actNumber, ACT_STATUS);
    }

    /** Proposals are seen by their proposer, territorial admins of the proposer's county, central admins and auditors; approved entries by all. */
    private static boolean seesProposal(String user, Target t) {
        return t == Target.CENTRAL || NATIONAL_READERS.contains(user)
                || t == Target.CLUJ && Set.of("admin.cluj", "member.cluj").contains(user)
                || t == Target.IASI && Set.of("admin.iasi", "member.iasi").contains(user);
    }

    /** Under a proposal: only its proposer (and central admins); under the central activity: central admins (no county structure holds its work unit). */
    private static boolean proposesOwn(String user, Target t) {
        return user.equals("admin") || t == Target.CLUJ && user.equals("member.cluj") || t == Target.IASI && user.equals("member.iasi");
    }

    /**
     * New entries and causes under a proposal, and edits of its causes: as {@link #proposesOwn}, and the territorial
     * administrator of its county, acting for the target's structure (forOrgUnitId, ignored for the others).
     */
    private static boolean proposesUnder(String user, Target t) {
        return proposesOwn(user, t) || t == Target.CLUJ && user.equals("admin.cluj") || t == Target.IASI && user.equals("admin.iasi");
    }

    /**
     * A new activity under Ordine publică (held by both county police structures) or Anticorupție (DGA only); a
     * territorial administrator acts for the target's structure (IPJ Cluj, DGA), so only Cluj's, in Cluj. IPJ Cluj
     * has an active plan (the demo campaign), which decides the work units assigned to its working group: Ordine
     * publică is member.cluj's, and the counsellor's (A103: all the structure's), not head.cluj's (Logistică); IPJ
     * Iași's plan is a draft, so its head and member still propose under the structure's work units.
     */
    private static boolean proposesActivity(String user, Target t) {
        return user.equals("admin") || t == Target.CLUJ
                && Set.of("admin.cluj", "counsellor.cluj", "member.cluj", "head.iasi", "member.iasi").contains(user);
    }

    /** member.cluj's finalised demo analysis of Ordine publică. */
    private static final UUID DEMO_ANALYSIS = ro.marc.events.analysis.AnalysisIds.of(plan(Target.CLUJ),
            DemoAccess.userId("member.cluj"), DemoOrganisation.id("wu:Ordine publică"));

    /** The member workflow (head, integrity counsellor, member) in their own structure. */
    private static boolean writesAnalysis(String user, Target t) {
        return t == Target.CLUJ && Set.of("head.cluj", "counsellor.cluj", "member.cluj").contains(user)
                || t == Target.IASI && Set.of("head.iasi", "member.iasi").contains(user);
    }

    /** REGISTER_WRITE: the structure's working-group head and integrity counsellor (§2.3), nobody else. */
    private static boolean writesRegister(String user, Target t) {
        return t == Target.CLUJ && Set.of("head.cluj", "counsellor.cluj").contains(user) || t == Target.IASI && user.equals("head.iasi");
    }

    /** ANALYSIS_READ: as the org reads, but not risk owners. */
    private static boolean readsAnalyses(String user, Target t) {
        return readsOrg(user, t) && !user.startsWith("owner.");
    }

    /**
     * member.cluj's draft risk assessment (Anexa 4) of a risk of an activity of their demo Anexa 3, started once per
     * database in {@link #assessmentFixture()}: the member workflow writes it (the command keeps a member to their own
     * assessment, so the structure's head and counsellor are refused NOT_YOURS); reads as the analyses (ASSESSMENT_READ).
     */
    private static final UUID ASSESSMENT = fixture("assessment-CLUJ");

        private static UUID unit(Target t) {
        return switch (t) {
            case CLUJ -> IPJ_CLUJ;
            case IASI -> IPJ_IASI;
            case CENTRAL, NONE -> DGA;
        };
    }

    /** An account of the target's structure (the central one is the auditor, in DGA). */
    private static UUID account(Target t) {
        return DemoAccess.userId(switch (t) {
            case CLUJ -> "member.cluj";
            case IASI -> "member.iasi";
            case CENTRAL, NONE -> "auditor";
        });
    }

    private static UUID group(Target t) {
        return switch (t) {
            case CLUJ -> UUID.nameUUIDFromBytes("marc-demo-group:Inspectoratul de Poliție Județean Cluj".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case IASI -> UUID.nameUUIDFromBytes("marc-demo-group:Inspectoratul de Poliție Județean Iași".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case CENTRAL, NONE -> CENTRAL_GROUP;
        };
    }

    /** The structure's plan: the demo plans of IPJ Cluj (active) and IPJ Iași (draft); none in DGA. */
    private static UUID plan(Target t) {
        return switch (t) {
            case CLUJ -> DemoOrganisation.id("plan:IPJ Cluj 2026");
            case IASI -> DemoOrganisation.id("plan:IPJ Iași 2027");
            case CENTRAL, NONE -> fixture("no-plan");
        };
    }

    /** Plans are drawn up by the structure's working-group head or integrity counsellor (§2.1), nobody else. */
    private static boolean editsPlan(String user, Target t) {
        return t == Target.CLUJ && Set.of("head.cluj", "counsellor.cluj").contains(user)
                || t == Target.IASI && user.equals("head.iasi");
    }

    // integrity incidents (issue 12): fixtures the central administrator records in fixtures(): IPJ Cluj's linked to a
    // risk of an Ordine publică activity (a work unit member.cluj holds in the active plan, and IPJ Iași holds too), IPJ
    // Iași's linked through IGI's Migrație (a work unit no county police structure holds), DGA's without links
    private static final String INCIDENT_ACTIVITY_CLUJ = "Asigurarea ordinii publice la adunări publice și competiții sportive";
    private static final String INCIDENT_RISK_CLUJ = "Permiterea accesului unor persoane cu interdicție, în schimbul unor foloase necuvenite";
    private static final String INCIDENT_ACTIVITY_IASI = "Acordarea și prelungirea dreptului de ședere al străinilor";
    private static final String INCIDENT_RISK_IASI = "Prelungirea dreptului de ședere pe baza unor căsătorii de conveniență sau a unor contracte de muncă fictive";

    private static UUID incident(Target t) {
        return fixture("incident-" + t);
    }

    private static UUID incidentLink(Target t) {
        return fixture("incident-link-" + t);
    }

    private static String county(Target t) {
        return switch (t) {
            case CLUJ -> "CJ";
            case IASI -> "IS";
            case CENTRAL, NONE -> "B";
        };
    }

    /**
     * INCIDENT_READ (administrators, territorial ones too, and auditors nationwide; the central counsellor below IGPR;
     * a head or counsellor their structure) or INCIDENT_READ_LINKED: member.cluj and IPJ Cluj's head and counsellor
     * through Ordine publică, head.iasi through IPJ Iași's Ordine publică (wherever it happened: Cluj too); member.iasi's
     * plan is a draft (no work units covered); risk owners read no incident.
     */
    private static boolean readsIncident(String user, Target t) {
        return Set.of("admin", "auditor", "admin.cluj", "admin.iasi").contains(user)
                || user.equals("counsellor.central") && (t == Target.CLUJ || t == Target.IASI)
                || Set.of("head.cluj", "counsellor.cluj", "member.cluj").contains(user) && t == Target.CLUJ
                || user.equals("head.iasi") && (t == Target.IASI || t == Target.CLUJ);
    }

    /** UCA 48, 50: as the administrators edit, and the structure's head and integrity counsellor. */
    private static boolean writesIncidentDocuments(String user, Target t) {
        return administers(user, t) || t == Target.CLUJ && Set.of("head.cluj", "counsellor.cluj").contains(user)
                || t == Target.IASI && user.equals("head.iasi");
    }

    /** §4: every structure its own counts (risk owners too); territorial administrators nationwide. */
    private static boolean readsIncidentCounts(String user, Target t) {
        return readsOrg(user, t) || Set.of("admin.cluj", "admin.iasi").contains(user);
    }

    /** UCA 63: a structure within INCIDENT_READ's or INCIDENT_READ_LINKED's reach (not risk owners). */
    private static boolean readsRiskIncidents(String user, Target t) {
        return readsOrg(user, t) && !user.startsWith("owner.") || Set.of("admin.cluj", "admin.iasi").contains(user);
    }

    private static final List<Target> PLACES = List.of(Target.CLUJ, Target.IASI, Target.CENTRAL);
    private static final List<Target> NOWHERE = List.of(Target.NONE);
    private static final int STALE = 999;

    static final List<Operation> OPERATIONS = new ArrayList<>();

    private static void mutation(String name, List<Target> targets, BiPredicate<String, Target> allowed, String expected,
                                 java.util.function.Function<Target, String> document) {
        OPERATIONS.add(new Operation(name, Kind.MUTATION, targets, allowed, expected, document, null));
    }

    private static void read(String name, List<Target> targets, BiPredicate<String, Target> allowed,
                             java.util.function.Function<Target, String> document) {
        OPERATIONS.add(new Operation(name, Kind.READ, targets, allowed, null, document, null));
    }

    private static void list(String name, BiPredicate<String, Target> allowed, String listPath,
                             java.util.function.Function<Target, String> document) {
        OPERATIONS.add(new Operation(name, Kind.LIST, PLACES, allowed, null, document, listPath));
    }

    static {
        // organisation
        mutation("createOrgUnit", PLACES, AuthorizationMatrixTest::administers, "BAD_REQUEST",
                t -> "mutation { createOrgUnit(input: {parentId: \"%s\", name: \"\"}) { id } }".formatted(unit(t)));
        mutation("renameOrgUnit", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { renameOrgUnit(input: {id: \"%s\", name: \"X\", expectedVersion: %d}) { id } }".formatted(unit(t), STALE));
        mutation("moveOrgUnit", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { moveOrgUnit(input: {id: \"%s\", newParentId: \"%s\", expectedVersion: %d}) { id } }".formatted(unit(t), unit(t), STALE));
        mutation("deactivateOrgUnit", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { deactivateOrgUnit(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(unit(t), STALE));
        mutation("reactivateOrgUnit", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { reactivateOrgUnit(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(unit(t), STALE));
        mutation("assignWorkUnits", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { assignWorkUnits(input: {orgUnitId: \"%s\", workUnitIds: [\"%s\"], expectedVersion: %d}) { id } }".formatted(unit(t), HR, STALE));
        mutation("unassignWorkUnit", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { unassignWorkUnit(input: {orgUnitId: \"%s\", workUnitId: \"%s\", expectedVersion: %d}) { id } }".formatted(unit(t), HR, STALE));
        mutation("defineWorkUnit", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "mutation { defineWorkUnit(input: {name: \"\"}) { id } }");
        mutation("renameWorkUnit", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { renameWorkUnit(input: {id: \"%s\", name: \"X\", expectedVersion: %d}) { id } }".formatted(HR, STALE));
        mutation("retireWorkUnit", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { retireWorkUnit(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(HR, STALE));
        read("root", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ root { id } }");
        read("orgUnit", PLACES, AuthorizationMatrixTest::readsOrg, t -> "{ orgUnit(id: \"%s\") { id } }".formatted(unit(t)));
        read("workUnit", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ workUnit(id: \"%s\") { id } }".formatted(HR));
        read("workUnits", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ workUnits { id } }");
        list("orgUnitsByWorkUnit", AuthorizationMatrixTest::readsOrg, "/data/orgUnitsByWorkUnit/edges",
                t -> "{ orgUnitsByWorkUnit(workUnitId: \"%s\", first: 500) { edges { node { id } } } }".formatted(HR));
        list("search", AuthorizationMatrixTest::readsOrg, "/data/search/edges",
                t -> "{ search(text: \"\", filters: {kinds: [ORG_UNIT]}, first: 500) { edges { node { id } } } }");
        read("history", PLACES, AuthorizationMatrixTest::readsHistory, t -> "{ history(id: \"%s\") { type } }".formatted(unit(t)));

        // accounts
        mutation("registerUser", PLACES, AuthorizationMatrixTest::administers, "BAD_REQUEST",
                t -> ("mutation { registerUser(input: {issuer: \"matrix\", subject: \"s-%s\", displayName: \"X\", "
                        + "email: \"not-an-e-mail\", orgUnitId: \"%s\"}) { id } }").formatted(UUID.randomUUID(), unit(t)));
        mutation("updateUserDetails", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { updateUserDetails(input: {id: \"%s\", displayName: \"X\", email: \"x@marc.demo\", expectedVersion: %d}) { id } }"
                        .formatted(account(t), STALE));
        mutation("grantRole", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { grantRole(input: {userId: \"%s\", role: RISK_OWNER, expectedVersion: %d}) { id } }".formatted(account(t), STALE));
        mutation("revokeRole", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { revokeRole(input: {userId: \"%s\", role: WORKING_GROUP_MEMBER, expectedVersion: %d}) { id } }".formatted(account(t), STALE));
        mutation("deactivateUser", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { deactivateUser(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(account(t), STALE));
        mutation("reactivateUser", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { reactivateUser(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(account(t), STALE));
        mutation("transferUser", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> ("mutation { transferUser(input: {id: \"%s\", issuer: \"matrix\", subject: \"new-%s\", displayName: \"Y\", "
                        + "email: \"y@marc.demo\", transferDetails: \"matrix\", expectedVersion: %d}) { id } }").formatted(account(t), UUID.randomUUID(), STALE));
        read("viewer", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ viewer { user { id } roles { role } orgUnits { id } } }");
        read("user", PLACES, AuthorizationMatrixTest::readsUsers, t -> "{ user(id: \"%s\") { id } }".formatted(account(t)));
        list("users", AuthorizationMatrixTest::readsUsers, "/data/users/edges",
                t -> "{ users(first: 500) { edges { node { id } } } }");

        // working groups
        mutation("defineWorkingGroup", PLACES, AuthorizationMatrixTest::administers, "BAD_REQUEST",
                t -> "mutation { defineWorkingGroup(input: {orgUnitId: \"%s\", name: \"\"}) { id } }".formatted(unit(t)));
        mutation("addWorkingGroupMember", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { addWorkingGroupMember(input: {workingGroupId: \"%s\", userId: \"%s\", expectedVersion: %d}) { id } }"
                        .formatted(group(t), account(t), STALE));
        mutation("removeWorkingGroupMember", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { removeWorkingGroupMember(input: {workingGroupId: \"%s\", userId: \"%s\", expectedVersion: %d}) { id } }"
                        .formatted(group(t), account(t), STALE));
        mutation("appointWorkingGroupLeader", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { appointWorkingGroupLeader(input: {workingGroupId: \"%s\", userId: \"%s\", expectedVersion: %d}) { id } }"
                        .formatted(group(t), account(t), STALE));
        read("workingGroup", PLACES, AuthorizationMatrixTest::readsOrg, t -> "{ workingGroup(id: \"%s\") { id } }".formatted(group(t)));
        read("workingGroupOfOrgUnit", PLACES, AuthorizationMatrixTest::readsOrg,
                t -> "{ workingGroupOfOrgUnit(orgUnitId: \"%s\") { id } }".formatted(unit(t)));
        list("workingGroups", AuthorizationMatrixTest::readsOrg, "/data/workingGroups/edges",
                t -> "{ workingGroups(first: 500) { edges { node { id } } } }");

        // nomenclature (UCA 7–22, 53–60)
        mutation("defineDomain", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "mutation { defineDomain(input: {name: \"\"}) { id } }");
        mutation("renameDomain", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { renameDomain(input: {id: \"%s\", name: \"X\", expectedVersion: %d}) { id } }".formatted(DOMAIN, STALE));
        mutation("proposeActivity", List.of(Target.CLUJ, Target.CENTRAL), AuthorizationMatrixTest::proposesActivity, "BAD_REQUEST",
                t -> "mutation { proposeActivity(input: {name: \"\", domainId: \"%s\", workUnitIds: [\"%s\"], forOrgUnitId: \"%s\"}) { id } }"
                        .formatted(LEAF, workUnitOf(t), unit(t)));
        mutation("proposeTask", PLACES, AuthorizationMatrixTest::proposesUnder, "BAD_REQUEST",
                t -> "mutation { proposeTask(input: {activityId: \"%s\", name: \"\", forOrgUnitId: \"%s\"}) { id } }".formatted(activity(t), unit(t)));
        mutation("proposeDocument", PLACES, AuthorizationMatrixTest::proposesUnder, "BAD_REQUEST",
                t -> "mutation { proposeDocument(input: {taskId: \"%s\", name: \"\", periodicity: MONTHLY, forOrgUnitId: \"%s\"}) { id } }"
                        .formatted(task(t), unit(t)));
        mutation("proposeRisk", PLACES, AuthorizationMatrixTest::proposesUnder, "BAD_REQUEST",
                t -> "mutation { proposeRisk(input: {activityId: \"%s\", name: \"\", forOrgUnitId: \"%s\"}) { id } }".formatted(activity(t), unit(t)));
        mutation("reviseProposal", PLACES, (user, t) -> t == Target.CENTRAL ? user.equals("admin") : proposesOwn(user, t) && !user.equals("admin"),
                "CONFLICT", t -> "mutation { reviseProposal(input: {id: \"%s\", name: \"X\", expectedVersion: %d}) { id } }".formatted(activity(t), STALE));
        mutation("acceptProposal", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { acceptProposal(input: {id: \"%s\", decidedVersion: %d}) { id } }".formatted(activity(t), STALE));
        mutation("acceptProposalWithChanges", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { acceptProposalWithChanges(input: {id: \"%s\", decidedVersion: %d, name: \"X\"}) { id } }".formatted(activity(t), STALE));
        mutation("rejectProposal", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { rejectProposal(input: {id: \"%s\", decidedVersion: %d, reason: \"X\"}) { id } }".formatted(activity(t), STALE));
        mutation("correctApprovedItem", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { correctApprovedItem(input: {id: \"%s\", name: \"X\", expectedVersion: %d}) { id } }".formatted(activity(t), STALE));
        mutation("deactivateNomenclatureItem", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { deactivateNomenclatureItem(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(activity(t), STALE));
        mutation("defineReferenceEntry", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "mutation { defineReferenceEntry(input: {list: EFFECT, name: \"\"}) { id } }");
        mutation("renameReferenceEntry", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { renameReferenceEntry(input: {id: \"%s\", name: \"X\", expectedVersion: %d}) { id } }".formatted(ISSUER, STALE));
        mutation("deactivateReferenceEntry", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { deactivateReferenceEntry(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(ISSUER, STALE));
        mutation("addRegulatoryCause", PLACES, AuthorizationMatrixTest::proposesUnder, "BAD_REQUEST",
                t -> "mutation { addRegulatoryCause(input: {%s, forOrgUnitId: \"%s\"}) { id } }".formatted(causeFields(t, "12A"), unit(t)));
        mutation("editRegulatoryCause", PLACES, AuthorizationMatrixTest::proposesUnder, "CONFLICT",
                t -> "mutation { editRegulatoryCause(input: {id: \"%s\", details: {%s}, expectedVersion: %d}) { id } }"
                        .formatted(cause(t), causeFields(t, "195"), STALE));
        mutation("deactivateRegulatoryCause", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { deactivateRegulatoryCause(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(cause(t), STALE));
        read("domains", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ domains { id } }");
        read("nomenclatureItem", PLACES, AuthorizationMatrixTest::seesProposal,
                t -> "{ nomenclatureItem(id: \"%s\") { id } }".formatted(activity(t)));
        list("proposals", (user, t) -> t != Target.CENTRAL && seesProposal(user, t), "/data/proposals/edges",
                t -> "{ proposals(kind: ACTIVITY, first: 500) { edges { node { id } } } }");
        read("referenceEntries", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ referenceEntries(list: ACT_ISSUER) { id } }");
        read("regulatoryCause", NOWHERE, AuthorizationMatrixTest::everyone,
                t -> "{ regulatoryCause(id: \"%s\") { id } }".formatted(cause(Target.CENTRAL)));
        read("regulatoryCauses", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ regulatoryCauses(first: 5) { edges { cursor } } }");
        list("searchNomenclature", AuthorizationMatrixTest::seesProposal, "/data/searchNomenclature/edges",
                t -> "{ searchNomenclature(query: {text: \"matrice\", kinds: [ACTIVITY], first: 100}) { edges { node { id } } } }");

        // activity analysis (Anexa 3): the member workflow writes in its own structure (the command then keeps a
        // member to their own analysis and the work units the plan assigns them); reads within ANALYSIS_READ's reach
        mutation("startActivityAnalysis", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::writesAnalysis, "BAD_REQUEST",
                t -> "mutation { startActivityAnalysis(input: {planId: \"%s\", workUnitId: \"not-an-id\"}) { id } }".formatted(plan(t)));
        mutation("saveActivityAnalysis", List.of(Target.CLUJ), (user, t) -> user.equals("member.cluj"), "CONFLICT",
                t -> "mutation { saveActivityAnalysis(input: {id: \"%s\", activities: [], expectedVersion: %d}) { id } }"
                        .formatted(DEMO_ANALYSIS, STALE));
        mutation("finaliseActivityAnalysis", List.of(Target.CLUJ), (user, t) -> user.equals("member.cluj"), "CONFLICT",
                t -> "mutation { finaliseActivityAnalysis(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(DEMO_ANALYSIS, STALE));
        read("activityAnalysis", List.of(Target.CLUJ), AuthorizationMatrixTest::readsAnalyses,
                t -> "{ activityAnalysis(id: \"%s\") { id } }".formatted(DEMO_ANALYSIS));
        read("activityAnalyses", PLACES, AuthorizationMatrixTest::readsAnalyses,
                t -> "{ activityAnalyses(filter: {orgUnitId: \"%s\"}) { edges { node { id } } } }".formatted(unit(t)));
        // risk assessment (Anexa 4): as the activity analysis; a risk owner scores nothing, another member's assessment
        // is refused by the command (NOT_YOURS); what a member may assess is read under their own structure's plan
        mutation("startRiskAssessment", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::writesAnalysis, "BAD_REQUEST",
                t -> ("mutation { startRiskAssessment(input: {planId: \"%s\", workUnitId: \"not-an-id\", activityId: \"%s\", "
                        + "riskId: \"%s\"}) { id } }").formatted(plan(t), activity(t), activity(t)));
        mutation("saveRiskAssessmentDraft", List.of(Target.CLUJ), (user, t) -> user.equals("member.cluj"), "CONFLICT",
                t -> "mutation { saveRiskAssessmentDraft(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(ASSESSMENT, STALE));
        mutation("evaluateRisk", List.of(Target.CLUJ), (user, t) -> user.equals("member.cluj"), "CONFLICT",
                t -> "mutation { evaluateRisk(input: {id: \"%s\", probability: 3, impacts: [], expectedVersion: %d}) { id } }"
                        .formatted(ASSESSMENT, STALE));
        for (String versioned : List.of("finaliseRiskAssessment", "startAssessmentEdition", "inactivateRiskAssessment",
                "reactivateRiskAssessment")) {
            mutation(versioned, List.of(Target.CLUJ), (user, t) -> user.equals("member.cluj"), "CONFLICT",
                    t -> "mutation { %s(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(versioned, ASSESSMENT, STALE));
        }
        read("riskAssessment", List.of(Target.CLUJ), AuthorizationMatrixTest::readsAnalyses,
                t -> "{ riskAssessment(id: \"%s\") { id } }".formatted(ASSESSMENT));
        read("riskAssessments", PLACES, AuthorizationMatrixTest::readsAnalyses,
                t -> "{ riskAssessments(filter: {orgUnitIds: [\"%s\"]}) { edges { node { id } } } }".formatted(unit(t)));
        read("assessableRisks", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::writesAnalysis,
                t -> "{ assessableRisks(planId: \"%s\") { workUnitId } }".formatted(plan(t)));
        // the register (Anexa 10, issue 14): read by the structure's working roles and risk owners, its county's
        // territorial administrator, the central counsellor below IGPR (not a sibling structure such as DGA) and the
        // national readers; generated and saved by the head and integrity counsellor (a member setting deadlines is
        // refused); risk owners evaluate its measures (G04). Allowed rows are refused after authorization: Iași's plan
        // is a draft, a stale version, no evaluations; DGA has no plan (unknown: null for national readers)
        read("riskRegister", PLACES, AuthorizationMatrixTest::readsOrg,
                t -> "{ riskRegister(planId: \"%s\") { id } }".formatted(plan(t)));
        read("riskRegisters", PLACES, AuthorizationMatrixTest::readsOrg,
                t -> "{ riskRegisters(orgUnitIds: [\"%s\"]) { id } }".formatted(unit(t)));
        mutation("generateRiskRegister", List.of(Target.IASI), AuthorizationMatrixTest::writesRegister, "CONFLICT",
                t -> "mutation { generateRiskRegister(input: {planId: \"%s\"}) { id } }".formatted(plan(t)));
        mutation("saveRiskRegister", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::writesRegister, "CONFLICT",
                t -> ("mutation { saveRiskRegister(input: {planId: \"%s\", registrationNumber: \"1/2026\", approverName: \"Matrice\", "
                        + "schedules: [], expectedVersion: %d}) { id } }").formatted(plan(t), STALE));
        mutation("evaluateRegisterMeasures", List.of(Target.CLUJ, Target.IASI),
                (user, t) -> t == Target.CLUJ && user.equals("owner.cluj") || t == Target.IASI && user.equals("owner.iasi"), "BAD_REQUEST",
                t -> "mutation { evaluateRegisterMeasures(input: {planId: \"%s\", evaluations: []}) { id } }".formatted(plan(t)));
        // monitoring (§2.4): MEASURE_MONITOR over the assessment's structure (its head, counsellor and members; the
        // command then keeps it to the assessment's own member, RegisterApiTest); a member of another structure marking
        // this one's measure done is refused before any command. The fixture assessment is a draft: NOT_FINALISED
        BiPredicate<String, Target> monitors = (user, t) -> Set.of("head.cluj", "counsellor.cluj", "member.cluj").contains(user);
        for (String action : List.of("markMeasureDone", "keepMeasureAsExisting")) {
            mutation(action, List.of(Target.CLUJ), monitors, "CONFLICT",
                    t -> "mutation { %s(input: {assessmentId: \"%s\", measureId: \"%s\"}) { version } }"
                            .formatted(action, ASSESSMENT, fixture("no-measure")));
        }
        mutation("recordIndicatorValues", List.of(Target.CLUJ), monitors, "CONFLICT",
                t -> ("mutation { recordIndicatorValues(input: {assessmentId: \"%s\", measureId: \"%s\", periodDue: \"2026-12-31\", "
                        + "values: [{indicatorId: \"%s\", value: \"1\"}]}) { version } }").formatted(ASSESSMENT, fixture("no-measure"),
                        fixture("no-indicator")));
        mutation("finaliseMonitoring", List.of(Target.CLUJ), monitors, "CONFLICT",
                t -> "mutation { finaliseMonitoring(input: {assessmentId: \"%s\", expectedVersion: %d}) { version } }".formatted(ASSESSMENT, STALE));
        // re-evaluation: the assessment aggregate keeps it to its own member first (NOT_YOURS), as evaluateRisk
        mutation("reevaluateRisk", List.of(Target.CLUJ), (user, t) -> user.equals("member.cluj"), "CONFLICT",
                t -> "mutation { reevaluateRisk(input: {id: \"%s\", probability: 3, impacts: [], expectedVersion: %d}) { id } }"
                        .formatted(ASSESSMENT, STALE));
        read("measureMonitoring", List.of(Target.CLUJ), AuthorizationMatrixTest::readsAnalyses,
                t -> "{ measureMonitoring(assessmentId: \"%s\") { version } }".formatted(ASSESSMENT));
        read("myActivityAnalyses", NOWHERE, (user, t) -> Set.of("head.cluj", "counsellor.cluj", "member.cluj", "head.iasi",
                "member.iasi").contains(user), t -> "{ myActivityAnalyses { id } }");
        // the yearly campaign: the plan (Anexa 1). Targets are the demo plans (IPJ Cluj active, IPJ Iași draft);
        // allowed edits are refused right after authorization (an id in use with other content, a stale version)
        mutation("draftPlan", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::editsPlan, "CONFLICT",
                t -> "mutation { draftPlan(input: {id: \"%s\", orgUnitId: \"%s\", purpose: \"Plan matrice\"}) { id } }"
                        .formatted(plan(t), unit(t)));
        mutation("editPlan", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::editsPlan, "CONFLICT",
                t -> "mutation { editPlan(input: {id: \"%s\", purpose: \"X\", expectedVersion: %d}) { id } }".formatted(plan(t), STALE));
        mutation("activatePlan", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::editsPlan, "CONFLICT",
                t -> "mutation { activatePlan(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(plan(t), STALE));
        mutation("closePlan", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::editsPlan, "CONFLICT",
                t -> "mutation { closePlan(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(plan(t), STALE));
        read("plan", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::readsOrg,
                t -> "{ plan(id: \"%s\") { id } }".formatted(plan(t)));
        read("activePlan", PLACES, AuthorizationMatrixTest::readsOrg,
                t -> "{ activePlan(orgUnitId: \"%s\") { id } }".formatted(unit(t)));
        list("plans", (user, t) -> t != Target.CENTRAL && readsOrg(user, t), "/data/plans/edges",
                t -> "{ plans(first: 500) { edges { node { id } } } }");
        read("myTasks", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ myTasks { purpose } }");
        read("gantt", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::readsOrg,
                t -> "{ gantt(planId: \"%s\", scale: MONTHS) { from } }".formatted(plan(t)));

        // integrity incidents (issue 12): refused rows a territorial administrator of another county editing, a member
        // editing, a member reading an incident outside their work units (member.cluj on Iași's), a risk owner reading;
        // allowed edits are stale (expectedVersion 999) or have an empty title
        mutation("recordIncident", PLACES, AuthorizationMatrixTest::administers, "BAD_REQUEST",
                t -> ("mutation { recordIncident(input: {id: \"%s\", title: \"\", county: %s, orgUnitId: \"%s\", type: INDICTMENT, "
                        + "incidentDate: \"2026-01-10\", fileNumber: \"123\", fileRegisteredOn: \"2026-02-01\", content: \"Fapte\"}) { id } }")
                        .formatted(UUID.randomUUID(), county(t), unit(t)));
        mutation("editIncident", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> ("mutation { editIncident(input: {id: \"%s\", title: \"X\", county: %s, orgUnitId: \"%s\", type: CONVICTION, "
                        + "incidentDate: \"2026-01-10\", fileNumber: \"123\", fileRegisteredOn: \"2026-02-01\", content: \"Fapte\", "
                        + "expectedVersion: %d}) { id } }").formatted(incident(t), county(t), unit(t), STALE));
        mutation("archiveIncident", PLACES, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { archiveIncident(input: {id: \"%s\", expectedVersion: %d}) { id } }".formatted(incident(t), STALE));
        mutation("linkIncidentRisk", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> ("mutation { linkIncidentRisk(input: {incidentId: \"%s\", workUnitId: \"%s\", activityId: \"%s\", riskId: \"%s\", "
                        + "expectedVersion: %d}) { id } }").formatted(incident(t), ORDINE_PUBLICA,
                        ro.marc.api.local.DemoNomenclature.activityId(INCIDENT_ACTIVITY_CLUJ),
                        ro.marc.api.local.DemoNomenclature.riskId(INCIDENT_ACTIVITY_CLUJ, INCIDENT_RISK_CLUJ), STALE));
        mutation("reviseIncidentRiskLink", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> ("mutation { reviseIncidentRiskLink(input: {incidentId: \"%s\", linkId: \"%s\", workUnitId: \"%s\", activityId: \"%s\", "
                        + "riskId: \"%s\", expectedVersion: %d}) { id } }").formatted(incident(t), incidentLink(t), ORDINE_PUBLICA,
                        ro.marc.api.local.DemoNomenclature.activityId(INCIDENT_ACTIVITY_CLUJ),
                        ro.marc.api.local.DemoNomenclature.riskId(INCIDENT_ACTIVITY_CLUJ, INCIDENT_RISK_CLUJ), STALE));
        mutation("unlinkIncidentRisk", PLACES, AuthorizationMatrixTest::administers, "CONFLICT",
                t -> "mutation { unlinkIncidentRisk(input: {incidentId: \"%s\", linkId: \"%s\", expectedVersion: %d}) { id } }"
                        .formatted(incident(t), incidentLink(t), STALE));
        mutation("reviseIncidentDocument", PLACES, AuthorizationMatrixTest::writesIncidentDocuments, "CONFLICT",
                t -> "mutation { reviseIncidentDocument(input: {incidentId: \"%s\", documentId: \"%s\", title: \"X\", expectedVersion: %d}) { id } }"
                        .formatted(incident(t), UUID.randomUUID(), STALE));
        mutation("removeIncidentDocument", PLACES, AuthorizationMatrixTest::writesIncidentDocuments, "CONFLICT",
                t -> "mutation { removeIncidentDocument(input: {incidentId: \"%s\", documentId: \"%s\", expectedVersion: %d}) { id } }"
                        .formatted(incident(t), UUID.randomUUID(), STALE));
        read("incident", PLACES, AuthorizationMatrixTest::readsIncident,
                t -> "{ incident(id: \"%s\") { id } }".formatted(incident(t)));
        list("incidents", AuthorizationMatrixTest::readsIncident, "/data/incidents/edges",
                t -> "{ incidents(first: 500) { edges { node { id } } } }");
        read("incidentCountsByActivity", PLACES, AuthorizationMatrixTest::readsIncidentCounts,
                t -> "{ incidentCountsByActivity(orgUnitId: \"%s\") { activityId incidents } }".formatted(unit(t)));
        read("incidentsForRisk", PLACES, AuthorizationMatrixTest::readsRiskIncidents,
                t -> "{ incidentsForRisk(riskId: \"%s\", orgUnitId: \"%s\") { where } }".formatted(
                        ro.marc.api.local.DemoNomenclature.riskId(INCIDENT_ACTIVITY_CLUJ, INCIDENT_RISK_CLUJ), unit(t)));

        // notifications: one's own inbox, for everyone (notificationAdded is checked over WebSocket)
        read("notifications", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ notifications(first: 1) { unreadCount } }");
        read("markNotificationsRead", NOWHERE, AuthorizationMatrixTest::everyone,
                t -> "mutation { markNotificationsRead(ids: [\"%s\"]) { marked } }".formatted(UUID.randomUUID()));
        OPERATIONS.add(new Operation("notificationAdded", Kind.SUBSCRIPTION, NOWHERE, AuthorizationMatrixTest::everyone, null,
                t -> "subscription { notificationAdded { id } }", null));

        // the management questionnaire (Anexa 2): everyone reads it, central administrators edit it, working roles answer
        // for themselves (the answer's respondent is the caller: no argument names another), heads and counsellors read
        // their structure's answers; allowed mutation rows are stale (expectedVersion 999) or name an unknown plan
        read("questionnaire", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ questionnaire { version } }");
        read("questionnaireVersions", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ questionnaireVersions { version } }");
        mutation("editQuestionnaire", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> "mutation { editQuestionnaire(input: {questions: [{text: \"Întrebare matrice\"}], expectedVersion: %d}) { version } }"
                        .formatted(STALE));
        read("myQuestionnaireAnswer", NOWHERE, AuthorizationMatrixTest::answersQuestionnaire,
                t -> "{ myQuestionnaireAnswer(planId: \"%s\") { id } }".formatted(UUID.randomUUID()));
        mutation("saveQuestionnaireAnswer", NOWHERE, AuthorizationMatrixTest::answersQuestionnaire, "NOT_FOUND",
                t -> "mutation { saveQuestionnaireAnswer(input: {planId: \"%s\", answers: [], expectedVersion: 0}) { id } }"
                        .formatted(UUID.randomUUID()));
        mutation("finaliseQuestionnaireAnswer", NOWHERE, AuthorizationMatrixTest::answersQuestionnaire, "NOT_FOUND",
                t -> "mutation { finaliseQuestionnaireAnswer(input: {planId: \"%s\", expectedVersion: 0}) { id } }"
                        .formatted(UUID.randomUUID()));
        // a member (or risk owner) reads only their own answer; member.iasi nothing of Cluj
        read("questionnaireAnswers", PLACES, AuthorizationMatrixTest::readsQuestionnaireAnswers,
                t -> "{ questionnaireAnswers(orgUnitId: \"%s\") { edges { node { id } } } }".formatted(unit(t)));
        // documents of the yearly campaign (issue 11): a plan's (the demo plans: Cluj active, Iași draft) for whoever
        // reads the plan's structure (PLAN_READ, as readsOrg); an analysis's for ANALYSIS_READ (risk owners hold none):
        // an analysis nobody finalised has no documents, an empty list for whoever holds the permission somewhere
        read("planDocuments", List.of(Target.CLUJ, Target.IASI), AuthorizationMatrixTest::readsOrg,
                t -> "{ planDocuments(planId: \"%s\") { id downloadUrl } }".formatted(
                        DemoOrganisation.id(t == Target.IASI ? "plan:IPJ Iași 2027" : "plan:IPJ Cluj 2026")));
        read("analysisDocuments", List.of(Target.CLUJ), (user, t) -> readsOrg(user, t) && !user.startsWith("owner."),
                t -> "{ analysisDocuments(analysisId: \"%s\") { id } }".formatted(DEMO_ANALYSIS));

        // the methodology (Anexa 6–9, UCA 75–77): every role reads its tables; only central administrators publish a
        // version or dry-run one (a member, a head or a territorial administrator editing it is refused). Allowed rows
        // are refused right after authorization: a stale version; empty tables (problems, the same check as publishing)
        read("methodology", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ methodology { version priorityBands { minExposure } } }");
        read("methodologyVersions", NOWHERE, AuthorizationMatrixTest::everyone, t -> "{ methodologyVersions { version } }");
        mutation("publishMethodologyVersion", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "CONFLICT",
                t -> ("mutation { publishMethodologyVersion(input: {probabilityScale: [], impactScale: [], effectivenessGrid: [], "
                        + "priorityBands: [], note: \"Matrice\", expectedVersion: %d}) { version } }").formatted(STALE));
        mutation("methodologyDryRun", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "{ methodologyDryRun(input: {probabilityScale: [], impactScale: [], effectivenessGrid: [], priorityBands: []}) "
                        + "{ evaluated changed } }");

        // access audit (G03)
        read("accessAudit", NOWHERE, (user, t) -> NATIONAL_READERS.contains(user),
                t -> "{ accessAudit(first: 1) { edges { node { id } } } }");

        // operations: dead letters (auditors read, central administrators act; allowed rows are refused
        // right after authorization: unknown group, unknown dead letter, a group that is never replayed)
        read("deadLetters", NOWHERE, (user, t) -> NATIONAL_READERS.contains(user),
                t -> "{ deadLetters(group: \"org-postgres\", first: 1) { groups { group deadLetters } letters { id } } }");
        mutation("retryDeadLetters", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "mutation { retryDeadLetters(group: \"no-such-group\") { remaining } }");
        mutation("evictDeadLetter", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "mutation { evictDeadLetter(id: \"%s\") }".formatted(UUID.randomUUID()));
        mutation("rebuildProjection", NOWHERE, AuthorizationMatrixTest::centralAdminOnly, "BAD_REQUEST",
                t -> "mutation { rebuildProjection(group: \"no-such-group\") }");
    }

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixtures() {
        if (jdbc.sql("SELECT count(*) FROM working_group WHERE id = ?").param(CENTRAL_GROUP).query(Long.class).single() == 0) {
            data("admin", "mutation($id: ID!, $unit: ID!) { defineWorkingGroup(input: {id: $id, orgUnitId: $unit, "
                    + "name: \"Grupul de lucru DGA\"}) { workingGroup { id } } }", Map.of("id", CENTRAL_GROUP.toString(), "unit", DGA.toString()));
        }
        incidentFixtures();
        assessmentFixture();
        if (jdbc.sql("SELECT count(*) FROM nomenclature_item WHERE id = ?").param(activity(Target.CENTRAL)).query(Long.class).single() > 0) {
            return;
        }
        data("admin", "mutation { defineDomain(input: {id: \"%s\", name: \"Domeniu matrice\"}) { id } }".formatted(DOMAIN), Map.of());
        data("admin", "mutation { defineDomain(input: {id: \"%s\", parentDomainId: \"%s\", name: \"Subdomeniu matrice\"}) { id } }"
                .formatted(LEAF, DOMAIN), Map.of());
        for (var entry : Map.of(ISSUER, "ACT_ISSUER", ACT_TYPE, "ACT_TYPE", ACT_STATUS, "ACT_STATUS").entrySet()) {
            data("admin", "mutation { defineReferenceEntry(input: {id: \"%s\", list: %s, name: \"Matrice %s\"}) { id } }"
                    .formatted(entry.getKey(), entry.getValue(), entry.getValue()), Map.of());
        }
        Map<Target, String> proposers = Map.of(Target.CLUJ, "member.cluj", Target.IASI, "member.iasi", Target.CENTRAL, "admin");
        for (Target t : PLACES) {
            String by = proposers.get(t);
            data(by, "mutation { proposeActivity(input: {id: \"%s\", name: \"Activitate matrice %s\", domainId: \"%s\", workUnitIds: [\"%s\"]}) { id } }"
                    .formatted(activity(t), t, LEAF, workUnitOf(t)), Map.of());
            data(by, "mutation { proposeTask(input: {id: \"%s\", activityId: \"%s\", name: \"Sarcină matrice %s\"}) { id } }"
                    .formatted(task(t), activity(t), t), Map.of());
            data(by, "mutation { addRegulatoryCause(input: {id: \"%s\", %s}) { id } }".formatted(cause(t), causeFields(t, "195")), Map.of());
        }
        // the search rows need the fixtures indexed
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (data("admin", "{ searchNomenclature(query: {text: \"matrice\", kinds: [ACTIVITY]}) { totalCount } }", Map.of())
                .at("/searchNomenclature/totalCount").asInt() < 3 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** member.cluj's draft assessment the assessment rows read and (stale) edit, started once per database. */
    private void assessmentFixture() {
        if (jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(ASSESSMENT.toString())
                .query(Long.class).single() > 0) {
            return;
        }
        String activity = "Constatarea și sancționarea contravențiilor";
        data("member.cluj", ("mutation { startRiskAssessment(input: {id: \"%s\", planId: \"%s\", workUnitId: \"%s\", "
                + "activityId: \"%s\", riskId: \"%s\"}) { id } }").formatted(ASSESSMENT, plan(Target.CLUJ), ORDINE_PUBLICA,
                ro.marc.api.local.DemoNomenclature.activityId(activity),
                ro.marc.api.local.DemoNomenclature.riskId(activity, "Încadrarea faptei într-o contravenție mai ușoară decât cea săvârșită")), Map.of());
    }

    /** The incidents the incident rows read and (stale) edit, recorded once per database by the central administrator. */
    private void incidentFixtures() {
        if (jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(incident(Target.CENTRAL).toString())
                .query(Long.class).single() > 0) {
            return;
        }
        record Link(Target target, UUID orgUnitId, UUID workUnitId, String activity, String risk) {
        }
        List<Link> links = List.of(
                new Link(Target.CLUJ, IPJ_CLUJ, ORDINE_PUBLICA, INCIDENT_ACTIVITY_CLUJ, INCIDENT_RISK_CLUJ),
                new Link(Target.IASI, DemoOrganisation.id("Inspectoratul General pentru Imigrări"),
                        DemoOrganisation.id("wu:Migrație"), INCIDENT_ACTIVITY_IASI, INCIDENT_RISK_IASI));
        for (Target t : List.of(Target.CLUJ, Target.IASI, Target.CENTRAL)) {
            long version = data("admin", ("mutation { recordIncident(input: {id: \"%s\", title: \"Incident matrice %s\", county: %s, "
                    + "orgUnitId: \"%s\", type: INDICTMENT, incidentDate: \"2026-01-10\", fileNumber: \"4471\", "
                    + "fileRegisteredOn: \"2026-02-01\", content: \"Fapte de corupție (matrice)\"}) { version } }")
                    .formatted(incident(t), t, county(t), unit(t)), Map.of()).at("/recordIncident/version").asLong();
            for (Link link : links) {
                if (link.target() == t) {
                    data("admin", ("mutation { linkIncidentRisk(input: {incidentId: \"%s\", linkId: \"%s\", orgUnitId: \"%s\", "
                            + "workUnitId: \"%s\", activityId: \"%s\", riskId: \"%s\", expectedVersion: %d}) { version } }")
                            .formatted(incident(t), incidentLink(t), link.orgUnitId(), link.workUnitId(),
                                    ro.marc.api.local.DemoNomenclature.activityId(link.activity()),
                                    ro.marc.api.local.DemoNomenclature.riskId(link.activity(), link.risk()), version), Map.of());
                }
            }
        }
    }

    @Test
    void every_operation_of_the_schema_has_rows() {
        Set<String> operations = OPERATIONS.stream().map(Operation::name).collect(Collectors.toSet());
        Set<String> schema = new HashSet<>();
        graphQlSource.schema().getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(schema::add);
        graphQlSource.schema().getMutationType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(schema::add);
        if (graphQlSource.schema().getSubscriptionType() != null) {
            graphQlSource.schema().getSubscriptionType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(schema::add);
        }
        assertThat(operations).as("operations with rows").containsExactlyInAnyOrderElementsOf(schema);
    }

    @Test
    void every_role_is_allowed_exactly_what_the_matrix_says_and_refusals_change_nothing() {
        long eventsBefore = eventCount();
        List<Outcome> outcomes = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            for (DemoUsers.DemoUser user : DemoUsers.ALL) {
                for (Target target : operation.targets()) {
                    outcomes.add(run(operation, user.username(), target));
                }
            }
        }
        assertThat(eventCount()).as("events appended by the matrix (every row must leave the store unchanged)")
                .isEqualTo(eventsBefore);

        List<Outcome> unexpectedAllows = outcomes.stream().filter(o -> o.allowed() && !o.expectedAllowed()).toList();
        List<Outcome> unexpectedDenials = outcomes.stream().filter(o -> !o.allowed() && o.expectedAllowed()).toList();
        Set<Role> roles = DemoUsers.ALL.stream().map(DemoUsers.DemoUser::role).collect(Collectors.toSet());
        System.out.printf("Authorization matrix: %d operations x %d users (%d roles) = %d rows; allowed %d, denied %d; "
                        + "unexpected allows %d, unexpected denials %d%n", OPERATIONS.size(), DemoUsers.ALL.size(), roles.size(),
                outcomes.size(), outcomes.stream().filter(Outcome::allowed).count(), outcomes.stream().filter(o -> !o.allowed()).count(),
                unexpectedAllows.size(), unexpectedDenials.size());
        assertThat(roles).as("the demo users cover every role").hasSize(Role.values().length - 1);
        assertThat(unexpectedAllows).as("unexpected allows").isEmpty();
        assertThat(unexpectedDenials).as("unexpected denials").isEmpty();
        // every operation has at least one row that must be refused, except the few open to all
        Set<String> openToAll = Set.of("root", "workUnit", "workUnits", "viewer", "domains", "referenceEntries", "regulatoryCause",
                "regulatoryCauses", "notifications", "markNotificationsRead", "notificationAdded", "myTasks",
                "questionnaire", "questionnaireVersions", "methodology", "methodologyVersions");
        for (Operation operation : OPERATIONS) {
            if (!openToAll.contains(operation.name())) {
                assertThat(outcomes.stream().anyMatch(o -> o.operation().equals(operation.name()) && !o.expectedAllowed()))
                        .as("%s has a refused row", operation.name()).isTrue();
            }
        }
    }

    /** The Anexa 2 export (HTTP GET, not GraphQL): per user and structure as questionnaireAnswers; 403 otherwise. */
    @Test
    void the_questionnaire_export_follows_the_same_rows() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            for (Target target : PLACES) {
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                + "/exports/questionnaire-answers.xlsx?orgUnitId=" + unit(target)))
                        .header("Authorization", "Bearer " + token(user.username())).GET().build();
                int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                int expected = readsQuestionnaireAnswers(user.username(), target) ? 200 : 403;
                if (status != expected) {
                    wrong.add(user.username() + " on " + target + ": " + status + " (expected " + expected + ")");
                }
            }
        }
        assertThat(wrong).as("export rows").isEmpty();
    }

    /**
     * Incident documents over HTTP (issue 12, not GraphQL): an upload (on a stale version, so nothing is stored) is
     * refused 403 unless the caller writes the incident's documents (then the version's 409); a download of the
     * incident's document is refused 403 to anyone who may not read the incident (200 otherwise).
     */
    @Test
    void incident_documents_are_uploaded_and_downloaded_by_the_same_rows() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        for (Target target : PLACES) {
            UUID document = fixture("incident-document-" + target);
            long version = data("admin", "{ incident(id: \"%s\") { version documents { documentId } } }".formatted(incident(target)),
                    Map.of()).at("/incident/version").asLong();
            // the fixture's document, once per database (the same id and content again: the document already attached)
            assertThat(uploadIncidentDocument(http, "admin", target, document, version).statusCode()).isIn(200, 201);
            for (DemoUsers.DemoUser user : DemoUsers.ALL) {
                int upload = uploadIncidentDocument(http, user.username(), target, UUID.randomUUID(), STALE).statusCode();
                int expectedUpload = writesIncidentDocuments(user.username(), target) ? 409 : 403;
                if (upload != expectedUpload) {
                    wrong.add("upload by " + user.username() + " on " + target + ": " + upload + " (expected " + expectedUpload + ")");
                }
                int download = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                + "/documents/" + document)).header("Authorization", "Bearer " + token(user.username())).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                int expectedDownload = readsIncident(user.username(), target) ? 200 : 403;
                if (download != expectedDownload) {
                    wrong.add("download by " + user.username() + " on " + target + ": " + download + " (expected " + expectedDownload + ")");
                }
            }
        }
        assertThat(wrong).as("incident document rows").isEmpty();
    }

    /**
     * The A1001 workbook import (HTTP POST, issue 14): into IPJ Cluj's register (the demo register, saved) only by its
     * head and integrity counsellor, whose upload of a file that is not a workbook is then refused 400 (nothing
     * applied); everybody else, the other structures' heads included, 403. The download follows the same rows (409 /
     * 200 for the writers, as the register is saved or not).
     */
    @Test
    void the_workbook_import_into_another_structure_s_register_is_refused() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String path = "http://127.0.0.1:" + port + "/registers/" + plan(Target.CLUJ) + "/workbook";
        List<String> wrong = new ArrayList<>();
        long eventsBefore = eventCount();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            String boundary = "matrix-" + UUID.randomUUID();
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evaluare.xlsx\"\r\n\r\n"
                    + "not a workbook\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int upload = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path))
                            .header("Authorization", "Bearer " + token(user.username()))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean writes = writesRegister(user.username(), Target.CLUJ);
            if (writes ? upload != 400 : upload != 403) {
                wrong.add("import by " + user.username() + ": " + upload + " (expected " + (writes ? 400 : 403) + ")");
            }
            int download = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path))
                            .header("Authorization", "Bearer " + token(user.username())).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (writes ? download != 200 && download != 409 : download != 403) {
                wrong.add("download by " + user.username() + ": " + download + " (expected " + (writes ? "200/409" : "403") + ")");
            }
        }
        assertThat(wrong).as("workbook rows").isEmpty();
        assertThat(eventCount()).as("nothing applied").isEqualTo(eventsBefore);
    }

    /** A small PNG (the same bytes for one target, so the fixture's upload is a retry the second time) as multipart. */
    private java.net.http.HttpResponse<String> uploadIncidentDocument(java.net.http.HttpClient http, String user, Target target,
                                                                     UUID documentId, long expectedVersion) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, target.ordinal());
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        String boundary = "matrix-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> parts = Map.of("kind", "OTHER", "title", "Document matrice", "documentId", documentId.toString(),
                "expectedVersion", String.valueOf(expectedVersion));
        parts.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrice.png\"\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(png.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/incidents/"
                        + incident(target) + "/documents")).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nothing_without_a_token() throws Exception {
        for (Operation operation : OPERATIONS) {
            assertThat(post(null, operation.document().apply(operation.targets().getFirst()), Map.of()).statusCode())
                    .as(operation.name()).isEqualTo(401);
        }
        // a WebSocket without a token (or with a forged one) is closed before any operation
        try (GraphQlWebSocket socket = GraphQlWebSocket.connect(port, null)) {
            assertThat(socket.acknowledged()).as("acknowledged without a token").isFalse();
        }
        try (GraphQlWebSocket socket = GraphQlWebSocket.connect(port, token("admin") + "x")) {
            assertThat(socket.acknowledged()).as("acknowledged with a forged token").isFalse();
        }
    }

    private Outcome run(Operation operation, String user, Target target) {
        boolean expected = operation.allowed().test(user, target);
        if (operation.kind() == Kind.SUBSCRIPTION) {
            // over a real WebSocket: subscribing must be accepted (an error would arrive at once)
            try (GraphQlWebSocket socket = GraphQlWebSocket.connect(port, token(user))) {
                if (!socket.acknowledged()) {
                    return new Outcome(operation.name(), user, target, expected, false, "NO_ACK");
                }
                socket.subscribe(operation.document().apply(target));
                JsonNode message = socket.poll(java.time.Duration.ofMillis(300));
                boolean refused = message != null && Set.of("error", "closed").contains(message.at("/type").asString());
                return new Outcome(operation.name(), user, target, expected, !refused, String.valueOf(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode response = graphql(user, operation.document().apply(target), Map.of());
        String classification = classification(response);
        return switch (operation.kind()) {
            case MUTATION -> {
                boolean denied = classification.equals("FORBIDDEN");
                if (denied && !response.at("/data/" + operation.name()).isMissingNode() && !response.at("/data/" + operation.name()).isNull()) {
                    throw new AssertionError(operation.name() + " by " + user + " refused but returned data: " + response);
                }
                // allowed rows are built to be refused by the domain right after authorization
                if (!denied && !Set.of("CONFLICT", "BAD_REQUEST", "NOT_FOUND").contains(classification)) {
                    throw new AssertionError(operation.name() + " by " + user + " on " + target + ": expected a domain refusal ("
                            + operation.expectedWhenAllowed() + ") after authorization, got " + response);
                }
                yield new Outcome(operation.name(), user, target, expected, !denied, classification);
            }
            case READ -> {
                if (!classification.equals("NONE") && !classification.equals("FORBIDDEN")) {
                    throw new AssertionError(operation.name() + " by " + user + " on " + target + ": " + response);
                }
                yield new Outcome(operation.name(), user, target, expected, classification.equals("NONE"), classification);
            }
            case LIST -> {
                if (!classification.equals("NONE") && !classification.equals("FORBIDDEN")) {
                    throw new AssertionError(operation.name() + " by " + user + ": " + response);
                }
                String wanted = switch (operation.name()) {
                    case "users" -> account(target).toString();
                    case "workingGroups" -> group(target).toString();
                    case "proposals", "searchNomenclature" -> activity(target).toString();
                    case "plans" -> plan(target).toString();
                    case "incidents" -> incident(target).toString();
                    default -> unit(target).toString();
                };
                boolean listed = false;
                for (JsonNode edge : response.at(operation.listPath())) {
                    listed |= edge.at("/node/id").asString().equals(wanted);
                }
                yield new Outcome(operation.name(), user, target, expected, listed, classification);
            }
            case SUBSCRIPTION -> throw new IllegalStateException("subscriptions are run over a WebSocket above");
        };
    }

    private static String classification(JsonNode response) {
        JsonNode errors = response.get("errors");
        return errors == null || errors.isEmpty() ? "NONE" : errors.get(0).at("/extensions/classification").asString();
    }

    /**
     * The events in the store, but MARC's own reminders (N01): the reminder sweep (db-scheduler, every 15 minutes) may
     * append a reminder or an overdue flag while the matrix runs, which no row of the matrix caused.
     */
    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT IN (?, ?, ?, ?)")
                .params("monitoring.MeasureDueSoon", "monitoring.MeasureOverdue",
                        ro.marc.events.monitoring.event.MeasureDueSoon.class.getName(),
                        ro.marc.events.monitoring.event.MeasureOverdue.class.getName())
                .query(Long.class).single();
    }
}

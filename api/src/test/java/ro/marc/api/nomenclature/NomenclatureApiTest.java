package ro.marc.api.nomenclature;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.projection.RunningContexts;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.GraphQlWebSocket;
import ro.marc.query.notification.NotificationProjection;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nomenclature over GraphQL with real tokens: the proposal → decision workflow, the
 * stale-decision rule, scoping between counties, regulatory causes, the notification inbox, the
 * subscription over a real WebSocket, and search with and without diacritics.
 */
class NomenclatureApiTest extends ApiTestSupport {

    static final String ORDINE_PUBLICA = DemoOrganisation.id("wu:Ordine publică").toString();
    static final String ANTICORUPTIE = DemoOrganisation.id("wu:Anticorupție").toString();
    /** Held by IPJ Cluj; the demo plan of IPJ Cluj assigns it to head.cluj (the plan decides their work units). */
    static final String LOGISTICA = DemoOrganisation.id("wu:Logistică").toString();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    ApplicationContext context;

    private static String classification(JsonNode response) {
        return firstError(response).at("/extensions/classification").asString();
    }

    private static String code(JsonNode response) {
        return firstError(response).at("/extensions/code").asString();
    }

    private String leafDomain(String suffix) {
        String top = data("admin", "mutation($n: String!) { defineDomain(input: {name: $n}) { id } }",
                Map.of("n", "Ordine și siguranță publică " + suffix)).at("/defineDomain/id").asString();
        return data("admin", "mutation($p: ID!, $n: String!) { defineDomain(input: {parentDomainId: $p, name: $n}) { id } }",
                Map.of("p", top, "n", "Contravenții " + suffix)).at("/defineDomain/id").asString();
    }

    private JsonNode proposeActivity(String user, String name, String domain, String workUnit) {
        return graphql(user, """
                mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id version item { status version proposerUserId } } }""",
                Map.of("i", Map.of("name", name, "description", "Constatarea contravențiilor la regimul circulației",
                        "domainId", domain, "workUnitIds", List.of(workUnit))));
    }

    @Test
    void a_members_proposal_reaches_the_administrators_and_the_decision_reaches_the_member() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        // pushes are fanned out by the node whose notifications processor committed them (NotificationHub): the
        // other running contexts of this test JVM, "nodes" on the same token store, leave the group to this one
        try (RunningContexts.Paused elsewhere = RunningContexts.pause(NotificationProjection.PROCESSING_GROUP, context);
             GraphQlWebSocket memberInbox = GraphQlWebSocket.subscribeToNotifications(port, token("member.cluj"));
             GraphQlWebSocket adminInbox = GraphQlWebSocket.subscribeToNotifications(port, token("admin"))) {

            JsonNode proposed = proposeActivity("member.cluj", "Constatarea și sancționarea contravențiilor " + suffix,
                    domain, ORDINE_PUBLICA);
            assertThat(proposed.has("errors")).as(proposed.toString()).isFalse();
            String activity = proposed.at("/data/proposeActivity/id").asString();
            assertThat(proposed.at("/data/proposeActivity/item/status").asString()).isEqualTo("PROPOSED");

            // usable before approval: the member proposes a risk under their own proposed activity
            JsonNode risk = graphql("member.cluj", """
                    mutation($i: ProposeRiskInput!) { proposeRisk(input: $i) { id item { status activityId } } }""",
                    Map.of("i", Map.of("activityId", activity,
                            "name", "Întocmirea în fals a unor documente pentru plata pe loc a contravențiilor " + suffix)));
            assertThat(risk.has("errors")).as(risk.toString()).isFalse();

            // the central administrators are told, with the N02 details, and the pushed notification arrives
            JsonNode pushed = adminInbox.next(n -> n.at("/subjectId").asString().equals(activity));
            assertThat(pushed.at("/kind").asString()).isEqualTo("PROPOSAL_SUBMITTED");
            assertThat(pushed.at("/workUnitNames/0").asString()).isEqualTo("Ordine publică");
            JsonNode inbox = eventually(() -> data("admin", "{ notifications(unreadOnly: true, first: 50) { unreadCount edges { node { id kind subjectId activityName } } } }",
                    Map.of()).get("notifications"), n -> contains(n.at("/edges"), activity));
            assertThat(inbox.at("/unreadCount").asInt()).isPositive();

            // another county's member neither sees the proposal nor proposes under it
            assertThat(classification(graphql("member.iasi", "{ nomenclatureItem(id: \"%s\") { id } }".formatted(activity), Map.of())))
                    .isEqualTo("FORBIDDEN");
            assertThat(classification(graphql("member.iasi", "mutation($i: ProposeTaskInput!) { proposeTask(input: $i) { id } }",
                    Map.of("i", Map.of("activityId", activity, "name", "Sarcină"))))).isEqualTo("FORBIDDEN");
            // nor proposes under a work unit their structure does not hold
            assertThat(classification(proposeActivity("member.cluj", "Altă activitate " + suffix, domain, ANTICORUPTIE)))
                    .isEqualTo("FORBIDDEN");

            // the proposer revises: version 2; a decision prepared on version 1 is stale
            JsonNode revised = data("member.cluj", """
                    mutation($i: ReviseProposalInput!) { reviseProposal(input: $i) { version } }""",
                    Map.of("i", Map.of("id", activity, "description", "Constatarea și sancționarea contravențiilor rutiere",
                            "expectedVersion", 1)));
            assertThat(revised.at("/reviseProposal/version").asInt()).isEqualTo(2);
            JsonNode stale = graphql("admin", "mutation($i: DecisionInput!) { acceptProposal(input: $i) { version } }",
                    Map.of("i", Map.of("id", activity, "decidedVersion", 1)));
            assertThat(classification(stale)).isEqualTo("CONFLICT");
            assertThat(code(stale)).isEqualTo("STALE_DECISION");

            JsonNode accepted = data("admin", """
                    mutation($i: AcceptWithChangesInput!) { acceptProposalWithChanges(input: $i) { version item { name status } } }""",
                    Map.of("i", Map.of("id", activity, "decidedVersion", 2,
                            "name", "Constatarea și sancționarea contravențiilor rutiere " + suffix)));
            assertThat(accepted.at("/acceptProposalWithChanges/item/status").asString()).isEqualTo("APPROVED");
            JsonNode twice = graphql("admin", "mutation($i: DecisionInput!) { acceptProposal(input: $i) { version } }",
                    Map.of("i", Map.of("id", activity, "decidedVersion", accepted.at("/acceptProposalWithChanges/version").asInt())));
            assertThat(code(twice)).isEqualTo("ALREADY_DECIDED");

            JsonNode decision = memberInbox.next(n -> n.at("/subjectId").asString().equals(activity));
            assertThat(decision.at("/kind").asString()).isEqualTo("PROPOSAL_ACCEPTED");

            // approved: national, so Iași sees it now
            assertThat(graphql("member.iasi", "{ nomenclatureItem(id: \"%s\") { status } }".formatted(activity), Map.of())
                    .at("/data/nomenclatureItem/status").asString()).isEqualTo("APPROVED");

            // rejection needs a reason and tells the proposer
            String riskId = risk.at("/data/proposeRisk/id").asString();
            JsonNode noReason = graphql("admin", "mutation($i: RejectProposalInput!) { rejectProposal(input: $i) { version } }",
                    Map.of("i", Map.of("id", riskId, "decidedVersion", 1, "reason", "")));
            assertThat(firstError(noReason).at("/extensions/field").asString()).isEqualTo("reason");
            data("admin", "mutation($i: RejectProposalInput!) { rejectProposal(input: $i) { version } }",
                    Map.of("i", Map.of("id", riskId, "decidedVersion", 1, "reason", "Duplicat al unui risc existent")));
            JsonNode rejected = memberInbox.next(n -> n.at("/subjectId").asString().equals(riskId));
            assertThat(rejected.at("/kind").asString()).isEqualTo("PROPOSAL_REJECTED");
            assertThat(rejected.at("/message").asString()).contains("Duplicat");
        }
    }

    @Test
    void only_central_administrators_decide_and_refusals_change_nothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String activity = proposeActivity("head.cluj", "Activitate de test " + suffix, domain, LOGISTICA)
                .at("/data/proposeActivity/id").asString();
        long events = eventCount();
        for (String user : List.of("head.cluj", "member.cluj", "admin.cluj", "auditor", "counsellor.central")) {
            assertThat(classification(graphql(user, "mutation($i: DecisionInput!) { acceptProposal(input: $i) { version } }",
                    Map.of("i", Map.of("id", activity, "decidedVersion", 1))))).as(user).isEqualTo("FORBIDDEN");
        }
        // an unknown parent is named
        JsonNode unknown = graphql("member.cluj", "mutation($i: ProposeTaskInput!) { proposeTask(input: $i) { id } }",
                Map.of("i", Map.of("activityId", UUID.randomUUID().toString(), "name", "Sarcină")));
        assertThat(classification(unknown)).isEqualTo("NOT_FOUND");
        assertThat(firstError(unknown).at("/extensions/field").asString()).isEqualTo("activityId");
        // the owner of another structure's proposal cannot revise it
        assertThat(classification(graphql("member.cluj", "mutation($i: ReviseProposalInput!) { reviseProposal(input: $i) { version } }",
                Map.of("i", Map.of("id", activity, "name", "X", "expectedVersion", 1))))).isEqualTo("FORBIDDEN");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void regulatory_causes_need_every_required_field_and_digits_where_digits_are_required() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String activity = data("admin", """
                mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id item { status } } }""",
                Map.of("i", Map.of("name", "Activitate aprobată " + suffix, "domainId", domain, "workUnitIds", List.of(ORDINE_PUBLICA))))
                .at("/proposeActivity/id").asString();
        // fields resolved in batches: the activity's work units, the domains' subdomains
        assertThat(data("member.cluj", "query($id: ID!) { nomenclatureItem(id: $id) { workUnits { name } } }", Map.of("id", activity))
                .at("/nomenclatureItem/workUnits/0/name").asString()).isEqualTo("Ordine publică");
        JsonNode domains = data("member.cluj", "{ domains { id name subdomains { id } } }", Map.of()).get("domains");
        boolean subdomainListed = false;
        for (JsonNode d : domains) {
            if (d.at("/name").asString().equals("Ordine și siguranță publică " + suffix)) {
                subdomainListed = d.at("/subdomains/0/id").asString().equals(domain);
            }
        }
        assertThat(subdomainListed).as("the new subdomain under its domain").isTrue();
        String issuer = entry("ACT_ISSUER", "Guvernul României " + suffix);
        String type = entry("ACT_TYPE", "Ordonanță de urgență " + suffix);
        String status = entry("ACT_STATUS", "În vigoare " + suffix);
        Map<String, Object> cause = new HashMap<>(Map.ofEntries(Map.entry("workUnitId", ORDINE_PUBLICA), Map.entry("activityId", activity),
                Map.entry("issuerId", issuer), Map.entry("actTypeId", type), Map.entry("actNumber", "195"), Map.entry("yearInForce", 2002),
                Map.entry("actStatusId", status), Map.entry("actTitle", "privind circulația pe drumurile publice"),
                Map.entry("articleNumber", "109"), Map.entry("extract", "…după caz…"),
                Map.entry("corruptionFactors", "Sintagma „după caz” lasă loc de interpretare"),
                Map.entry("corruptionThreats", "Neconsemnarea tuturor aspectelor în procesul-verbal"),
                Map.entry("recommendations", "Eliminarea sintagmei „după caz”")));
        String add = "mutation($i: RegulatoryCauseInput!) { addRegulatoryCause(input: $i) { id version regulatoryCause { actNumber active } } }";

        Map<String, Object> letters = new HashMap<>(cause);
        letters.put("actNumber", "195A");
        JsonNode refused = graphql("member.cluj", add, Map.of("i", letters));
        assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
        assertThat(firstError(refused).at("/extensions/field").asString()).isEqualTo("details.actNumber");
        Map<String, Object> blank = new HashMap<>(cause);
        blank.put("recommendations", " ");
        assertThat(firstError(graphql("member.cluj", add, Map.of("i", blank))).at("/extensions/field").asString())
                .isEqualTo("details.recommendations");

        JsonNode added = data("member.cluj", add, Map.of("i", cause)).get("addRegulatoryCause");
        assertThat(added.at("/regulatoryCause/actNumber").asString()).isEqualTo("195");
        String causeId = added.at("/id").asString();
        // the central administrators are told (no approval needed)
        eventually(() -> data("admin", "{ notifications(first: 50) { edges { node { kind subjectId } } } }", Map.of()).get("notifications"),
                n -> contains(n.at("/edges"), causeId));
        // inactivated: kept, hidden from the default list
        data("admin", "mutation($i: VersionInput!) { deactivateRegulatoryCause(input: $i) { version } }",
                Map.of("i", Map.of("id", causeId, "expectedVersion", 1)));
        JsonNode listed = data("member.cluj", "query($a: ID!) { regulatoryCauses(activityId: $a) { edges { node { id } } } }",
                Map.of("a", activity)).at("/regulatoryCauses/edges");
        assertThat(contains(listed, causeId)).isFalse();
    }

    @Test
    void search_finds_entries_with_and_without_diacritics_and_hides_other_counties_proposals() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String approved = data("admin", "mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }",
                Map.of("i", Map.of("name", "Întocmirea în fals a unor documente " + suffix, "domainId", domain,
                        "workUnitIds", List.of(ORDINE_PUBLICA)))).at("/proposeActivity/id").asString();
        String proposedInIasi = proposeActivity("member.iasi", "Întocmirea documentelor de plată " + suffix, domain, ORDINE_PUBLICA)
                .at("/data/proposeActivity/id").asString();
        String query = "query($q: NomenclatureSearchInput!) { searchNomenclature(query: $q) { totalCount edges { node { id name highlight status } } facets { statuses { value count } } } }";
        for (String text : List.of("intocmirea in fals " + suffix, "Întocmirea în fals " + suffix)) {
            JsonNode found = eventually(() -> data("member.cluj", query, Map.of("q", Map.of("text", text))).get("searchNomenclature"),
                    r -> r.at("/totalCount").asInt() > 0);
            assertThat(found.at("/edges/0/node/id").asString()).isEqualTo(approved);
            assertThat(found.at("/edges/0/node/highlight").asString()).contains("<em>Întocmirea</em>");
        }
        // the Iași member's proposal: found by its proposer and the administrator, not by Cluj's member
        Map<String, Object> byText = Map.of("q", Map.of("text", "intocmirea documentelor " + suffix));
        eventually(() -> data("member.iasi", query, byText).get("searchNomenclature"), r -> r.at("/totalCount").asInt() == 1);
        assertThat(data("admin", query, byText).at("/searchNomenclature/totalCount").asInt()).isEqualTo(1);
        assertThat(data("member.cluj", query, byText).at("/searchNomenclature/totalCount").asInt()).isZero();
        assertThat(proposedInIasi).isNotBlank();
    }

    @Test
    void a_deactivated_accounts_subscription_ends_at_the_next_push() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String subject = "abonat-" + suffix;
        String user = data("admin.cluj", "mutation($i: RegisterUserInput!) { registerUser(input: $i) { id } }",
                Map.of("i", Map.of("issuer", "marc-test", "subject", subject, "displayName", "Abonat " + suffix,
                        // a structure without an active plan: its work units are the member's (a plan would name them)
                        "email", subject + "@marc.test", "orgUnitId", DemoOrganisation.id("Inspectoratul de Jandarmi Județean Cluj").toString())))
                .at("/registerUser/id").asString();
        data("admin.cluj", "mutation($i: GrantRoleInput!) { grantRole(input: $i) { version } }",
                Map.of("i", Map.of("userId", user, "role", "WORKING_GROUP_MEMBER", "expectedVersion", 1)));
        String token = signer.sign(new ro.marc.api.local.DemoUsers.DemoUser(subject, subject,
                ro.marc.events.access.Role.WORKING_GROUP_MEMBER, List.of(), ""));
        var proposal = post(token, "mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }",
                Map.of("i", Map.of("name", "Activitate abonat " + suffix, "domainId", domain, "workUnitIds", List.of(ORDINE_PUBLICA))));
        String activity = JSON.readTree(proposal.body()).at("/data/proposeActivity/id").asString();

        try (GraphQlWebSocket inbox = GraphQlWebSocket.subscribeToNotifications(port, token)) {
            data("admin.cluj", "mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { version } }",
                    Map.of("i", Map.of("id", user, "expectedVersion", 2)));
            data("admin", "mutation($i: DecisionInput!) { acceptProposal(input: $i) { version } }",
                    Map.of("i", Map.of("id", activity, "decidedVersion", 1)));
            JsonNode message = inbox.poll(Duration.ofSeconds(15));
            assertThat(message).as("the server ends the subscription instead of pushing").isNotNull();
            // since issue 8 the socket itself is closed at the deactivation, before any push (LiveSessions)
            assertThat(message.at("/type").asString()).isEqualTo("closed");
            assertThat(message.at("/code").asInt()).isEqualTo(4403);
        }
    }

    @Test
    void proposing_the_same_item_twice_with_the_same_id_and_content_returns_the_same_result() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String id = UUID.randomUUID().toString();
        String propose = "mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id version item { status } } }";
        Map<String, Object> input = Map.of("i", Map.of("id", id, "name", "Activitate repetată " + suffix,
                "domainId", domain, "workUnitIds", List.of(ORDINE_PUBLICA)));
        JsonNode first = data("member.cluj", propose, input);
        long events = eventCount();
        JsonNode again = data("member.cluj", propose, input);
        assertThat(again).isEqualTo(first);
        assertThat(again.at("/proposeActivity/version").asInt()).isEqualTo(1);
        assertThat(eventCount()).as("the retry stores nothing").isEqualTo(events);
        // the same id with other content is a conflict naming the id
        JsonNode other = graphql("member.cluj", propose, Map.of("i", Map.of("id", id, "name", "Alt nume " + suffix,
                "domainId", domain, "workUnitIds", List.of(ORDINE_PUBLICA))));
        assertThat(classification(other)).isEqualTo("CONFLICT");
        assertThat(code(other)).isEqualTo("DUPLICATE_ID");
    }

    @Test
    void a_name_taken_by_another_command_between_the_check_and_the_commit_is_a_conflict() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String activity = data("admin", "mutation($i: ProposeActivityInput!) { proposeActivity(input: $i) { id } }",
                Map.of("i", Map.of("name", "Activitate cursă " + suffix, "domainId", domain,
                        "workUnitIds", List.of(ORDINE_PUBLICA)))).at("/proposeActivity/id").asString();
        String name = "Sarcina disputată " + suffix;
        // another node's command: its lookup row is written, not yet committed (invisible to the check)
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement("""
                    INSERT INTO nomenclature_entry_lookup (id, kind, parent_id, name, name_key, status, last_seq)
                    VALUES (?, 'TASK', ?, ?, ?, 'PROPOSED', 0)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.fromString(activity));
                insert.setString(3, name);
                insert.setString(4, ro.marc.events.text.RomanianText.nameKey(name));
                insert.executeUpdate();
            }
            CompletableFuture<JsonNode> proposal = CompletableFuture.supplyAsync(() -> graphql("admin",
                    "mutation($i: ProposeTaskInput!) { proposeTask(input: $i) { id } }",
                    Map.of("i", Map.of("activityId", activity, "name", name))));
            Thread.sleep(1000);
            assertThat(proposal).as("the proposal waits for the other command at its commit").isNotDone();
            other.commit();
            JsonNode refused = proposal.get(30, TimeUnit.SECONDS);
            assertThat(classification(refused)).as(refused.toString()).isEqualTo("CONFLICT");
            assertThat(code(refused)).isEqualTo("DUPLICATE_NAME");
            assertThat(firstError(refused).at("/extensions/field").asString()).isEqualTo("name");
        } finally {
            jdbc.sql("DELETE FROM nomenclature_entry_lookup WHERE kind = 'TASK' AND parent_id = ?")
                    .param(UUID.fromString(activity)).update();
        }
    }

    @Test
    void a_central_administrator_corrects_an_approved_entry_and_its_proposer_is_told() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String activity = proposeActivity("member.cluj", "Activitate cu greșeală " + suffix, domain, ORDINE_PUBLICA)
                .at("/data/proposeActivity/id").asString();
        data("admin", "mutation($i: DecisionInput!) { acceptProposal(input: $i) { version } }",
                Map.of("i", Map.of("id", activity, "decidedVersion", 1)));
        String correct = "mutation($i: CorrectApprovedItemInput!) { correctApprovedItem(input: $i) { version item { name status } } }";
        Map<String, Object> input = Map.of("i", Map.of("id", activity, "name", "Activitate corectată " + suffix,
                "expectedVersion", 2));
        for (String user : List.of("member.cluj", "head.cluj", "admin.cluj", "auditor")) {
            assertThat(classification(graphql(user, correct, input))).as(user).isEqualTo("FORBIDDEN");
        }
        JsonNode corrected = data("admin", correct, input).get("correctApprovedItem");
        assertThat(corrected.at("/version").asInt()).isEqualTo(3);
        assertThat(corrected.at("/item/name").asString()).isEqualTo("Activitate corectată " + suffix);
        assertThat(corrected.at("/item/status").asString()).isEqualTo("APPROVED");
        eventually(() -> data("member.cluj", "{ notifications(first: 50) { edges { node { kind subjectId } } } }", Map.of())
                .get("notifications"), n -> {
            for (JsonNode edge : n.at("/edges")) {
                if (edge.at("/node/subjectId").asString().equals(activity) && edge.at("/node/kind").asString().equals("ENTRY_CORRECTED")) {
                    return true;
                }
            }
            return false;
        });
        // a proposal is not corrected: it is revised or accepted with changes
        String proposal = proposeActivity("member.cluj", "Propunere " + suffix, domain, ORDINE_PUBLICA)
                .at("/data/proposeActivity/id").asString();
        JsonNode refused = graphql("admin", correct, Map.of("i", Map.of("id", proposal, "name", "X", "expectedVersion", 1)));
        assertThat(code(refused)).isEqualTo("NOT_APPROVED");
    }

    @Test
    void a_task_has_a_description_and_a_document_its_content_from_the_proposal_on() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String domain = leafDomain(suffix);
        String activity = proposeActivity("member.cluj", "Activitate cu sarcini " + suffix, domain, ORDINE_PUBLICA)
                .at("/data/proposeActivity/id").asString();
        JsonNode task = data("member.cluj", """
                mutation($i: ProposeTaskInput!) { proposeTask(input: $i) { id version item { kind description } } }""",
                Map.of("i", Map.of("activityId", activity, "name", "Verificarea actelor " + suffix,
                        "description", " Se verifică actele depuse la ghișeu "))).get("proposeTask");
        assertThat(task.at("/version").asInt()).as("proposed, described").isEqualTo(2);
        assertThat(task.at("/item/description").asString()).isEqualTo("Se verifică actele depuse la ghișeu");
        JsonNode document = data("member.cluj", """
                mutation($i: ProposeDocumentInput!) { proposeDocument(input: $i) { id version item { kind description periodicity } } }""",
                Map.of("i", Map.of("taskId", task.at("/id").asString(), "name", "Registru " + suffix,
                        "content", "Numărul și data cererii", "periodicity", "MONTHLY"))).get("proposeDocument");
        assertThat(document.at("/item/description").asString()).isEqualTo("Numărul și data cererii");
        assertThat(document.at("/item/periodicity").asString()).isEqualTo("MONTHLY");
        // the content is revised like any description
        JsonNode revised = data("member.cluj", """
                mutation($i: ReviseProposalInput!) { reviseProposal(input: $i) { version item { description } } }""",
                Map.of("i", Map.of("id", document.at("/id").asString(), "description", "Numărul, data și solicitantul",
                        "expectedVersion", 2))).get("reviseProposal");
        assertThat(revised.at("/version").asInt()).isEqualTo(3);
        assertThat(revised.at("/item/description").asString()).isEqualTo("Numărul, data și solicitantul");
        JsonNode tooLong = graphql("member.cluj", "mutation($i: ProposeDocumentInput!) { proposeDocument(input: $i) { id } }",
                Map.of("i", Map.of("taskId", task.at("/id").asString(), "name", "Alt registru " + suffix,
                        "content", "x".repeat(4001), "periodicity", "MONTHLY")));
        assertThat(code(tooLong)).isEqualTo("TOO_LONG");
        assertThat(firstError(tooLong).at("/extensions/field").asString()).isEqualTo("content");
    }

    // ---------------------------------------------------------------- helpers

    private String entry(String list, String name) {
        return data("admin", "mutation($l: ReferenceList!, $n: String!) { defineReferenceEntry(input: {list: $l, name: $n}) { id } }",
                Map.of("l", list, "n", name)).at("/defineReferenceEntry/id").asString();
    }

    private static boolean contains(JsonNode edges, String id) {
        for (JsonNode edge : edges) {
            if (edge.at("/node/subjectId").asString().equals(id) || edge.at("/node/id").asString().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}

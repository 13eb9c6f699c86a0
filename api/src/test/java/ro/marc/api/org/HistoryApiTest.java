package ro.marc.api.org;

import org.junit.jupiter.api.Test;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** history(id) reads any entity's own stream, numbered per entity, for the roles that may read it. */
class HistoryApiTest extends ApiTestSupport {

    private static final String HISTORY = "query($id: ID!) { history(id: $id) { sequenceNumber version type revision actor { role } } }";

    @Test
    void a_nomenclature_entry_has_its_own_history_numbered_from_zero() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String domainId = data("admin", "mutation($i: DefineDomainInput!) { defineDomain(input: $i) { id version } }",
                Map.of("i", Map.of("name", "Domeniu cu istoric " + suffix))).at("/defineDomain/id").asString();
        JsonNode renamed = data("admin", "mutation($i: RenameInput!) { renameDomain(input: $i) { id version } }",
                Map.of("i", Map.of("id", domainId, "name", "Domeniu cu istoric redenumit " + suffix, "expectedVersion", 1)));
        assertThat(renamed.at("/renameDomain/version").asInt()).isEqualTo(2);

        JsonNode history = data("auditor", HISTORY, Map.of("id", domainId)).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.at("/0/sequenceNumber").asInt()).isZero();
        assertThat(history.at("/0/version").asInt()).isEqualTo(1);
        assertThat(history.at("/0/type").asString()).isEqualTo("DomainDefined");
        assertThat(history.at("/0/revision").asString()).as("written without a hand-made version").isEqualTo("2");
        assertThat(history.at("/1/sequenceNumber").asInt()).isEqualTo(1);
        assertThat(history.at("/1/version").asInt()).isEqualTo(2);
        assertThat(history.at("/1/type").asString()).isEqualTo("DomainRenamed");
        assertThat(history.at("/1/actor/role").asString()).isEqualTo("CENTRAL_ADMIN");
    }

    @Test
    void the_nomenclature_is_national_history_and_members_read_no_history() {
        String domainId = data("admin", "mutation($i: DefineDomainInput!) { defineDomain(input: $i) { id } }",
                Map.of("i", Map.of("name", "Domeniu național " + UUID.randomUUID().toString().substring(0, 8))))
                .at("/defineDomain/id").asString();
        for (String user : new String[]{"admin.cluj", "member.cluj"}) {
            JsonNode refused = graphql(user, HISTORY, Map.of("id", domainId));
            assertThat(firstError(refused).at("/extensions/classification").asString()).as(user).isEqualTo("FORBIDDEN");
        }
    }
}

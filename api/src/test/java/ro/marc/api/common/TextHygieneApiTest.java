package ro.marc.api.common;

import org.junit.jupiter.api.Test;
import ro.marc.api.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8, finding 4, through the running application: clean text, escaped highlights, short echoes, strict ids and cursors. */
class TextHygieneApiTest extends ApiTestSupport {

    private static final String CREATE = """
            mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id version orgUnit { id name } } }""";
    private static final String SEARCH = """
            query($text: String!, $after: String) { search(text: $text, after: $after) {
              totalCount edges { cursor node { id name highlight } } } }""";

    private String root() {
        return data("admin", "{ root { id } }", Map.of()).at("/root/id").asString();
    }

    private JsonNode create(String parentId, String name) {
        return graphql("admin", CREATE, Map.of("input", Map.of("parentId", parentId, "name", name)));
    }

    private static void assertBadRequest(JsonNode response, String code, String field) {
        JsonNode error = firstError(response);
        assertThat(error.at("/extensions/classification").asString()).as(error.toString()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/code").asString()).as(error.toString()).isEqualTo(code);
        assertThat(error.at("/extensions/field").asString()).as(error.toString()).isEqualTo(field);
    }

    @Test
    void a_nul_in_a_name_is_a_bad_request_naming_the_field_not_an_internal_error() {
        JsonNode response = create(root(), "Biroul \u0000 " + UUID.randomUUID());
        assertBadRequest(response, "INVALID_CHARACTERS", "name");
        JsonNode error = firstError(response);
        assertThat(error.at("/message").asString()).contains("U+0000", "position 8");
        assertThat(error.at("/extensions/character").asString()).isEqualTo("U+0000");
        assertThat(error.at("/extensions/position").asInt()).isEqualTo(8);
    }

    @Test
    void control_bidi_and_zero_width_characters_are_refused() {
        String root = root();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(create(root, "Biroul Zero " + suffix).has("errors")).isFalse();
        JsonNode lookalike = create(root, "Bir\u200Boul Zero " + suffix);
        assertBadRequest(lookalike, "INVALID_CHARACTERS", "name");
        assertThat(firstError(lookalike).at("/extensions/character").asString()).isEqualTo("U+200B");
        for (String bad : new String[]{"\u0007", "\u001B", "\u007F", "\u0085", "\u202E", "\u2066", "\u200D"}) {
            assertBadRequest(create(root, "Biroul" + bad + suffix), "INVALID_CHARACTERS", "name");
        }
        // what is tidied rather than refused is compared after tidying: still the same name
        JsonNode nbsp = create(root, "Biroul\u00A0Zero\u00AD " + suffix + "\uFEFF");
        assertThat(firstError(nbsp).at("/extensions/code").asString()).isEqualTo("NAME_NOT_UNIQUE");
    }

    @Test
    void a_registered_display_name_is_cleaned_too() {
        String unit = root();
        JsonNode response = graphql("admin", """
                mutation($input: RegisterUserInput!) { registerUser(input: $input) { id } }""",
                Map.of("input", Map.of("issuer", "marc-test", "subject", "hygiene-" + UUID.randomUUID(),
                        "displayName", "Ana\u202EPop", "email", "ana.pop@mai.gov.ro", "orgUnitId", unit)));
        assertBadRequest(response, "INVALID_CHARACTERS", "displayName");
    }

    @Test
    void a_markup_name_comes_back_escaped_in_highlight_with_only_em_tags() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "<img src=x onerror=alert(1)> Anticorupție & \"Ardeal\" " + suffix;
        JsonNode created = create(root(), name);
        assertThat(created.has("errors")).as(created.toString()).isFalse();
        String id = created.at("/data/createOrgUnit/id").asString();
        JsonNode hit = eventually(() -> data("admin", SEARCH, Map.of("text", "img anticoruptie " + suffix)).get("search"),
                s -> s.at("/totalCount").asInt() > 0);
        assertThat(hit.at("/edges/0/node/name").asString()).isEqualTo(name);
        String highlight = hit.at("/edges/0/node/highlight").asString();
        assertThat(highlight).contains("&lt;<em>img</em>", "<em>Anticorupție</em>", "&amp;", "&quot;Ardeal&quot;")
                .doesNotContain("<img");
        assertThat(highlight.replace("<em>", "").replace("</em>", "")).doesNotContain("<", ">")
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; Anticorupție &amp; &quot;Ardeal&quot; " + suffix);
        // without search words there is no Elasticsearch highlight: the name is escaped all the same
        JsonNode all = data("admin", """
                query($id: ID!) { search(text: "", filters: {withinOrgUnit: $id}) { edges { node { id highlight } } } }""",
                Map.of("id", id)).get("search");
        assertThat(all.at("/edges/0/node/id").asString()).isEqualTo(id);
        assertThat(all.at("/edges/0/node/highlight").asString())
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; Anticorupție &amp; &quot;Ardeal&quot; " + suffix);
    }

    @Test
    void search_words_are_cleaned_too() {
        assertBadRequest(graphql("admin", SEARCH, Map.of("text", "biroul\u0000")), "INVALID_CHARACTERS", "text");
        assertBadRequest(graphql("admin", "query($t: String) { users(filter: {text: $t}) { edges { node { id } } } }",
                Map.of("t", "ana\u0000")), "INVALID_CHARACTERS", "filter.text");
        assertBadRequest(graphql("admin", "query($q: NomenclatureSearchInput!) { searchNomenclature(query: $q) { totalCount } }",
                Map.of("q", Map.of("text", "a\u202Eb"))), "INVALID_CHARACTERS", "query.text");
    }

    @Test
    void a_huge_malformed_id_is_not_echoed_back() {
        String huge = "x".repeat(1_000_000);
        JsonNode response = graphql("admin", "query($id: ID!) { orgUnit(id: $id) { id } }", Map.of("id", huge));
        assertBadRequest(response, "MALFORMED_ID", "id");
        assertThat(firstError(response).at("/message").asString()).hasSizeLessThan(200);
        assertThat(response.toString()).hasSizeLessThan(2_000);
    }

    @Test
    void lenient_uuid_spellings_are_refused() {
        for (String id : new String[]{"1-1-1-1-1", "0000000000000000000000000000000000001", "{" + UUID.randomUUID() + "}",
                UUID.randomUUID().toString().replace("-", "")}) {
            assertBadRequest(graphql("admin", "query($id: ID!) { orgUnit(id: $id) { id } }", Map.of("id", id)),
                    "MALFORMED_ID", "id");
        }
        String canonical = root().toUpperCase();
        assertThat(data("admin", "query($id: ID!) { orgUnit(id: $id) { id } }", Map.of("id", canonical))
                .at("/orgUnit/id").asString()).isEqualToIgnoringCase(canonical);
    }

    @Test
    void forged_cursors_are_bad_requests_for_every_cursor_kind() {
        String minusOne = base64("-1");
        assertBadRequest(graphql("admin", SEARCH, Map.of("text", "a", "after", minusOne)), "INVALID_CURSOR", "after");
        for (String forged : new String[]{base64("x"), base64("1e3"), base64("9999999999"), "%%%", "x".repeat(100_000)}) {
            JsonNode response = graphql("admin", SEARCH, Map.of("text", "a", "after", forged));
            assertBadRequest(response, "INVALID_CURSOR", "after");
            assertThat(firstError(response).at("/message").asString()).hasSizeLessThan(200);
        }
        // keyset cursors: (folded name, id), (path), (created at, id)
        String badId = base64("biroul\u001fnot-a-uuid");
        String nul = base64("biroul\u0000\u001f" + UUID.randomUUID());
        String root = root();
        for (String forged : new String[]{badId, nul, base64("a\u001fb\u001fc")}) {
            assertBadRequest(graphql("admin", """
                    query($id: ID!, $after: String) { orgUnitsByWorkUnit(workUnitId: $id, after: $after) { edges { node { id } } } }""",
                    Map.of("id", UUID.randomUUID().toString(), "after", forged)), "INVALID_CURSOR", "after");
            assertBadRequest(graphql("admin", """
                    query($after: String) { users(after: $after) { edges { node { id } } } }""",
                    Map.of("after", forged)), "INVALID_CURSOR", "after");
        }
        assertBadRequest(graphql("admin", """
                query($id: ID!, $after: String) { orgUnit(id: $id) { subtree(after: $after) { edges { node { id } } } } }""",
                Map.of("id", root, "after", base64("/\u0000/"))), "INVALID_CURSOR", "after");
        for (String forged : new String[]{base64("not-an-instant\u001f" + UUID.randomUUID()),
                base64("+100000-01-01T00:00:00Z\u001f" + UUID.randomUUID()), base64("2026-01-01T00:00:00Z\u001fx")}) {
            assertBadRequest(graphql("admin", """
                    query($after: String) { proposals(after: $after) { edges { node { id } } } }""",
                    Map.of("after", forged)), "INVALID_CURSOR", "after");
            assertBadRequest(graphql("admin", """
                    query($after: String) { notifications(after: $after) { edges { node { id } } } }""",
                    Map.of("after", forged)), "INVALID_CURSOR", "after");
        }
        for (String forged : new String[]{base64("RELEVANCE\u001fdNaN\u001fsa\u001fsb"), base64("RELEVANCE\u001fsx\u001fsa\u001fsb"),
                base64("NAME_ASC\u001fl5\u001fsb"), base64("-1"), "%%%"}) {
            assertBadRequest(graphql("admin", """
                    query($q: NomenclatureSearchInput!) { searchNomenclature(query: $q) { totalCount } }""",
                    Map.of("q", Map.of("text", "a", "after", forged))), "INVALID_CURSOR", "query.after");
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

package ro.marc.api.upgrade;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import ro.marc.api.MarcApplication;
import ro.marc.api.support.GraphQlClientSupport;
import ro.marc.api.support.OutboundConnectionRecorder;
import ro.marc.api.support.OwnDatabase;
import ro.marc.ops.services.MarcServices;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation of the first release (2026-12-01) upgrades to this one. Its database, as that release
 * left it after the demo data and edits covering every event type ({@code upgrade/release-2026-12-01/}),
 * is loaded into a schema migrated to that release's last migration; then this release starts on it:
 * Flyway re-keys the catalogue streams per entity, the upcasters read the old events, the command-side
 * lookups and the read models are rebuilt from the event store, and the GraphQL answers must be exactly
 * those the old release gave. Then the upgraded entities accept commands at the versions clients held.
 */
@SpringBootTest(classes = MarcApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the demo users of that release: their accounts are in the fixture, signed in with the local issuer;
        // no demo data is added on top of the release's
        properties = {"marc.security.dev-signer.issuer=marc-local-dev", "marc.demo-data.enabled=false"})
@ActiveProfiles("local")
@DirtiesContext // its own database and indexes: closed after this class
class UpgradeFromReleaseTest extends GraphQlClientSupport {

    private static final String FIXTURE = "upgrade/release-2026-12-01/";
    private static final String LAST_MIGRATION_OF_THAT_RELEASE = "2026.12.01.21";
    private static final String ORG_UNIT_ALFA = "00000000-0000-4000-8000-000000000010";
    private static final String MINISTRY = "f9417a86-638b-34b8-8175-cda675a135c6";

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void upgradedDatabase(DynamicPropertyRegistry registry) throws Exception {
        OutboundConnectionRecorder.install();
        OwnDatabase database = OwnDatabase.create("upgrade");
        MarcServices.ServiceEndpoints services = database.services();
        String url = database.url();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, services.dbUser(), services.dbPassword());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/eventstore", "classpath:db/migration/projections", "classpath:db/migration/audit")
                .target(MigrationVersion.fromVersion(LAST_MIGRATION_OF_THAT_RELEASE)).load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            // the dump holds every row of that release's tables, also those its migrations seeded
            JdbcClient.create(dataSource).sql("""
                    SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ')
                      FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' AND tablename NOT LIKE 'access_audit%'""")
                    .query(String.class).optional().ifPresent(truncate -> JdbcClient.create(dataSource).sql(truncate).update());
        }
        try (Connection connection = dataSource.getConnection();
             InputStream dump = new GZIPInputStream(new ClassPathResource(FIXTURE + "event-store.sql.gz").getInputStream())) {
            ScriptUtils.executeSqlScript(connection, new org.springframework.core.io.InputStreamResource(dump) {
                @Override
                public InputStream getInputStream() {
                    return dump;
                }
            });
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", services::dbUser);
        registry.add("spring.datasource.password", services::dbPassword);
        registry.add("marc.elasticsearch.url", services::elasticsearchUrl);
        registry.add("marc.elasticsearch.index-prefix", database::indexPrefix);
    }

    @Test
    void answers_after_the_upgrade_are_those_the_release_gave() throws IOException {
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN ('marc-access', 'marc-nomenclature')")
                .query(Long.class).single()).as("old catalogue streams left").isZero();
        JsonNode queries = read("queries.json");
        JsonNode answers = read("answers.json");
        for (JsonNode query : queries) {
            String name = query.get("name").asString();
            JsonNode expected = answers.get(name);
            JsonNode actual = eventually(() -> graphql(query.get("user").asString(), query.get("query").asString(), Map.of()),
                    response -> expected.equals(response.get("data")));
            assertThat(actual.get("data")).as(name).isEqualTo(expected);
        }
    }

    @Test
    void upgraded_entities_take_commands_at_the_versions_clients_held_and_number_their_history_per_entity() {
        JsonNode answers = read("answers.json");
        long alfaVersion = answers.at("/orgUnits/a/version").asLong();
        JsonNode renamed = eventuallyData("admin", """
                mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { id version } }""",
                Map.of("i", Map.of("id", ORG_UNIT_ALFA, "name", "Direcția Fixture Alfa (după actualizare)", "expectedVersion", alfaVersion)));
        assertThat(renamed.at("/renameOrgUnit/version").asLong()).isEqualTo(alfaVersion + 1);

        JsonNode history = data("auditor", "query($id: ID!) { history(id: $id) { sequenceNumber version type revision } }",
                Map.of("id", ORG_UNIT_ALFA)).get("history");
        assertThat(history).hasSize((int) alfaVersion + 1);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(history.get(i).get("version").asLong()).isEqualTo(i + 1);
        }
        assertThat(history.get(0).get("type").asString()).isEqualTo("OrgUnitCreated");
        assertThat(history.get(0).get("revision").isNull()).as("stored by the first release").isTrue();
        assertThat(history.get((int) alfaVersion).get("type").asString()).isEqualTo("OrgUnitRenamed");
        assertThat(history.get((int) alfaVersion).get("revision").asString()).isEqualTo("2");

        // the command-side lookups were rebuilt from the old events: the rules across entities still hold
        JsonNode duplicate = graphql("admin", """
                mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }""",
                Map.of("i", Map.of("parentId", MINISTRY, "name", "Direcția Fixture Beta")));
        assertThat(firstError(duplicate).at("/extensions/code").asString()).isEqualTo("NAME_NOT_UNIQUE");
        JsonNode identityTaken = graphql("admin", """
                mutation($i: RegisterUserInput!) { registerUser(input: $i) { id } }""",
                Map.of("i", Map.of("issuer", "http://localhost:8080/dev", "subject", "fixture.three", "displayName", "Altcineva",
                        "email", "altcineva@marc.example", "orgUnitId", ORG_UNIT_ALFA)));
        assertThat(firstError(identityTaken).at("/extensions/code").asString()).isEqualTo("IDENTITY_IN_USE");

        // new events are stored under their pinned names
        List<String> types = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(ORG_UNIT_ALFA).query(String.class).list();
        assertThat(types.getFirst()).isEqualTo("ro.marc.events.org.OrgUnitCreated");
        assertThat(types.getLast()).isEqualTo("org.OrgUnitRenamed");
    }

    /** The first command after start-up may meet lookups or read models still being rebuilt on another thread. */
    private JsonNode eventuallyData(String user, String query, Map<String, Object> variables) {
        return eventually(() -> graphql(user, query, variables), response -> !response.has("errors")).get("data");
    }

    private static JsonNode read(String file) {
        try (InputStream in = new ClassPathResource(FIXTURE + file).getInputStream()) {
            return JSON.readTree(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

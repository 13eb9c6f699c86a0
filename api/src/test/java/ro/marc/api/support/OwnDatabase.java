package ro.marc.api.support;

import ro.marc.ops.services.MarcServices;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A PostgreSQL database and an Elasticsearch index prefix of a test's own, on the test JVM's services, for tests that
 * start MARC themselves (two nodes, a restart) rather than share {@link ApiTestSupport}'s application.
 *
 * @param url         the JDBC url of the database
 * @param indexPrefix {@code name} with dashes: {@code marc-nodes-1a2b3c4d} for {@code marc_nodes_1a2b3c4d}
 */
public record OwnDatabase(MarcServices.ServiceEndpoints services, String name, String url, String indexPrefix) {

    /** A new empty database {@code marc_<kind>_<8 random hex digits>}. */
    public static OwnDatabase create(String kind) throws SQLException {
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        String name = "marc_" + kind + "_" + UUID.randomUUID().toString().substring(0, 8);
        String url = services.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection admin = admin(services)) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return new OwnDatabase(services, name, url, name.replace('_', '-'));
    }

    /** Drops the database (whoever is still connected) and the indexes under the prefix, by name. */
    public void drop() throws Exception {
        try (Connection admin = admin(services)) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        // Elasticsearch refuses wildcard deletes
        HttpClient http = HttpClient.newHttpClient();
        String indexes = http.send(HttpRequest.newBuilder(URI.create(services.elasticsearchUrl() + "/_cat/indices/" + indexPrefix + "-*?h=index"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String index : indexes.split("\\s+")) {
            if (index.startsWith(indexPrefix)) {
                http.send(HttpRequest.newBuilder(URI.create(services.elasticsearchUrl() + "/" + index)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static Connection admin(MarcServices.ServiceEndpoints services) throws SQLException {
        return DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
    }
}

package ro.marc.ops.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL server on this machine: the one already listening on 5432, else an embedded one. */
final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final PostgresConnection LISTENING_SERVER =
            new PostgresConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");

    private LocalPostgres() {}

    /**
     * @param persistentDataDir where an embedded server keeps its data between runs; empty for a
     *                          throwaway server
     */
    static PostgresConnection findOrStart(Optional<Path> persistentDataDir) {
        try (Connection ignored = LISTENING_SERVER.connect()) {
            log.info("Using the PostgreSQL server listening on 127.0.0.1:5432");
            return LISTENING_SERVER;
        } catch (SQLException e) {
            log.info("No PostgreSQL on 127.0.0.1:5432 that lets user postgres in without a password ({}); "
                    + "starting an embedded one", e.getMessage());
        }
        return startEmbedded(persistentDataDir);
    }

    private static PostgresConnection startEmbedded(Optional<Path> persistentDataDir) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        persistentDataDir.ifPresent(dir -> builder.setDataDirectory(dir.toFile()).setCleanDataDirectory(false));
        try {
            EmbeddedPostgres server = builder.start();
            Cleanup.atExit("stop embedded PostgreSQL", server::close);
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", server.getPort());
            return new PostgresConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }
}

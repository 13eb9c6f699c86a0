package ro.marc.api.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.api.common.ClusterLock;

import java.util.List;

/**
 * Rebuilds the projection groups a migration asked to rebuild ({@code projection_rebuild_pending}), once
 * the processors run: e.g. after {@code V2026.12.05.01} re-keyed the streams, every read model guarded by
 * the old sequence numbers is emptied (reset handlers: tables and Elasticsearch indexes) and replayed
 * from the event store. A request is deleted once its rebuild started on this node; when another node
 * holds a segment of the group, the rebuild is refused and the request stays for the next start (or the
 * {@code rebuildProjection} operation). Upgrade one node first, then start the others.
 *
 * <p>Nodes that start together take turns ({@link ClusterLock} {@value #LOCK}): the requests are read and
 * deleted under the lock, so each requested rebuild is started by exactly one node; the next one finds it gone.
 */
@Component
public class PendingProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(PendingProjectionRebuilds.class);

    private final JdbcClient jdbc;
    private final DeadLetters deadLetters;
    private final ClusterLock lock;

    static final String LOCK = "projection-rebuilds";

    public PendingProjectionRebuilds(JdbcClient jdbc, DeadLetters deadLetters, ClusterLock lock) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.lock = lock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildRequested() {
        lock.run(LOCK, this::rebuildPending);
    }

    private void rebuildPending() {
        List<PendingRebuild> pending = jdbc.sql("SELECT processing_group, reason FROM projection_rebuild_pending ORDER BY processing_group")
                .query(PendingRebuild.class).list();
        for (PendingRebuild request : pending) {
            try {
                deadLetters.rebuild(request.processingGroup());
                jdbc.sql("DELETE FROM projection_rebuild_pending WHERE processing_group = ?").param(request.processingGroup()).update();
                log.warn("Projection {} is being rebuilt from the event store: {}", request.processingGroup(), request.reason());
            } catch (RuntimeException e) {
                log.error("Projection {} must be rebuilt ({}) but could not be here: {}; it stays requested",
                        request.processingGroup(), request.reason(), e.toString());
            }
        }
    }

    record PendingRebuild(String processingGroup, String reason) {
    }
}

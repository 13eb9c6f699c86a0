package ro.marc.query.nomenclature;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders, within one processing group, the handler that records an org fact and carries it into what was
 * already written (exclusive) against the handlers that read it into a new row or document (shared). The group
 * runs two segments, possibly on two nodes, and the org and nomenclature catalogues may sit in different ones:
 * without it a proposal read before an org unit's county was committed could be written after that county's
 * cascade looked for it, and keep no county for good. A PostgreSQL transaction-level advisory lock, taken
 * once per batch (unit of work) and before any row lock of the batch (the projection's interceptor), so the
 * two segments cannot deadlock on it; released when the batch commits (its Elasticsearch writes are sent
 * before that, when the batch prepares to commit).
 */
final class OrgFactsLock {

    private OrgFactsLock() {
    }

    static void shared(JdbcClient jdbc, long key) {
        take(jdbc, key, "pg_advisory_xact_lock_shared");
    }

    static void exclusive(JdbcClient jdbc, long key) {
        take(jdbc, key, "pg_advisory_xact_lock");
    }

    private static void take(JdbcClient jdbc, long key, String function) {
        if (jdbc == null) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            lock(jdbc, key, function); // no transaction (tools, tests): released at once, nothing to order
            return;
        }
        CurrentUnitOfWork.get().root().getOrComputeResource("OrgFactsLock/" + key + "/" + function, k -> {
            lock(jdbc, key, function);
            return Boolean.TRUE;
        });
    }

    private static void lock(JdbcClient jdbc, long key, String function) {
        jdbc.sql("SELECT " + function + "(?)").param(key).query((rs, n) -> 1).list();
    }
}

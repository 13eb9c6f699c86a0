package ro.marc.query.common;

import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reader whose every public method answers from one PostgreSQL snapshot: a read-only REPEATABLE READ
 * transaction ({@link ReadSnapshotTransactions}), so the statements that compose one view (an incident's row, then
 * its links and documents) all see the read model as one moment left it.
 *
 * <p>Why: the projections commit while a view is being read. Under READ COMMITTED each statement sees the
 * latest commit, so a view could pair the version of one moment with the children of the next (an incident
 * at version 4 with the document its version 5 attached); a client that edits what it sees and sends that
 * version back would be refused as stale for no reason it can see. In a read-only transaction REPEATABLE READ
 * costs nothing more and can never fail.
 *
 * <p>A method that writes (marking notifications read) says so with its own {@code @Transactional}, which
 * takes precedence over the class's. Within a transaction already open (a projection's unit of work) the
 * reader joins it. Only calls through the Spring bean are covered, which is how the API calls readers;
 * the query side's own tests construct readers directly and read one statement at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(transactionManager = ReadSnapshot.TRANSACTIONS, readOnly = true)
public @interface ReadSnapshot {

    /** The name of the {@link ReadSnapshotTransactions} bean the readers' transactions are opened with. */
    String TRANSACTIONS = "readSnapshotTransactions";
}

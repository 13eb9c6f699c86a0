package ro.marc.api.config;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ro.marc.api.support.ApiTestSupport;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor added to an installation that already has events (every upgrade that brings a new
 * projection), or reset for a rebuild, stores a ReplayToken wrapping another token. It must come back
 * from the real JDBC token store: found on the local run's database, where three new processors
 * could not open their event streams.
 */
class TokenSerializationTest extends ApiTestSupport {

    @Autowired
    TokenStore tokenStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_replay_token_survives_the_token_store() {
        String processor = "replay-check-" + UUID.randomUUID();
        TrackingToken replay = ReplayToken.createReplayToken(new GapAwareTrackingToken(234, Set.of()));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> tokenStore.initializeTokenSegments(processor, 1, replay));
        TrackingToken read = tx.execute(s -> tokenStore.fetchToken(processor, 0));
        assertThat(read).isInstanceOf(ReplayToken.class).isEqualTo(replay);
    }
}

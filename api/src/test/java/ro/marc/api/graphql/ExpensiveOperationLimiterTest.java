package ro.marc.api.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpensiveOperationLimiterTest {

    @Test
    void two_per_caller_then_refused_until_one_ends() {
        ExpensiveOperationLimiter limiter = new ExpensiveOperationLimiter(2, 8);
        var first = (ExpensiveOperationLimiter.Granted) limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("a")).isInstanceOf(ExpensiveOperationLimiter.Granted.class);
        var refused = (ExpensiveOperationLimiter.Refused) limiter.tryAcquire("a");
        assertThat(refused.error().getExtensions()).containsEntry("code", "TOO_MANY_REQUESTS").containsEntry("scope", "CALLER")
                .containsEntry("limit", 2);
        assertThat(limiter.tryAcquire("b")).isInstanceOf(ExpensiveOperationLimiter.Granted.class);
        first.permit().release();
        first.permit().release(); // idempotent
        assertThat(limiter.running()).isEqualTo(2);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(ExpensiveOperationLimiter.Granted.class);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(ExpensiveOperationLimiter.Refused.class);
    }

    @Test
    void the_node_cap_holds_across_callers_and_a_refusal_takes_no_permit() {
        ExpensiveOperationLimiter limiter = new ExpensiveOperationLimiter(2, 3);
        assertThat(limiter.tryAcquire("a")).isInstanceOf(ExpensiveOperationLimiter.Granted.class);
        assertThat(limiter.tryAcquire("b")).isInstanceOf(ExpensiveOperationLimiter.Granted.class);
        var third = (ExpensiveOperationLimiter.Granted) limiter.tryAcquire("c");
        var refused = (ExpensiveOperationLimiter.Refused) limiter.tryAcquire("d");
        assertThat(refused.error().getExtensions()).containsEntry("scope", "NODE").containsEntry("limit", 3);
        assertThat(limiter.running()).isEqualTo(3);
        third.permit().release();
        assertThat(limiter.tryAcquire("d")).isInstanceOf(ExpensiveOperationLimiter.Granted.class);
        assertThat(limiter.tryAcquire("d")).isInstanceOf(ExpensiveOperationLimiter.Refused.class); // node full again
        assertThat(limiter.tryAcquire("d")).isInstanceOf(ExpensiveOperationLimiter.Refused.class);
        assertThat(limiter.running()).isEqualTo(3);
    }
}

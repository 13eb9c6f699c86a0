package ro.marc.api.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A command that lost a concurrent append is sent again, a bounded number of times, and only then. */
class CommandSenderRetryTest {

    record Rename(String name) {
    }

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommandSender sender = new CommandSender(gateway);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void a_lost_append_is_sent_again_and_succeeds() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenAnswer(call -> {
            if (attempts.incrementAndGet() < CommandSender.ATTEMPTS) {
                throw new ConcurrencyException("sequence taken by the other node");
            }
            return 7L;
        });
        assertThat(sender.send(new Rename("x"))).isEqualTo(7);
        assertThat(attempts).hasValue(CommandSender.ATTEMPTS);
    }

    @Test
    void after_the_last_attempt_the_conflict_reaches_the_caller() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenAnswer(call -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("sequence taken by the other node");
        });
        assertThatThrownBy(() -> sender.send(new Rename("x"))).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(CommandSender.ATTEMPTS);
    }

    @Test
    void a_refusal_of_the_aggregate_is_never_sent_again() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenAnswer(call -> {
            attempts.incrementAndGet();
            throw CommandRejected.staleVersion("Org unit", "u1", 1, 2);
        });
        assertThatThrownBy(() -> sender.sendAsSystem(new Rename("x"))).isInstanceOf(CommandRejected.class);
        assertThat(attempts).hasValue(1);
    }
}

package ro.marc.command.methodology;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.event.MethodologyVersionPublished;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MethodologyLookup} on a real PostgreSQL: every version kept as published (the tables read back equal, the
 * thresholds with their two decimals), the newest current, an event applied twice harmless, nothing before version 1.
 */
class MethodologyLookupPostgresTest {

    private final MethodologyLookup lookup = new MethodologyLookup(TestDatabase.dataSource());

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(long seq, MethodologyVersionPublished event) {
        lookup.apply(new GenericDomainEventMessage<>("Methodology", MethodologyIds.METHODOLOGY.toString(), seq, event));
    }

    @Test
    void the_newest_version_is_current_and_every_version_keeps_its_tables() {
        assertThat(lookup.current()).isEmpty();
        assertThat(lookup.handles(MethodologyVersionPublished.class)).isTrue();
        assertThat(lookup.handles(PriorityBand.class)).isFalse();
        MethodologyContent defaults = MethodologyContent.defaults();
        List<PriorityBand> bands = new ArrayList<>(defaults.priorityBands());
        bands.set(1, new PriorityBand(2, RiskClass.MODERATE, new BigDecimal("7.50"), "Risc moderat", "În cel mult 6 luni"));
        MethodologyContent second = new MethodologyContent(defaults.probabilityScale(), defaults.impactScale(),
                defaults.effectivenessGrid(), bands);

        apply(0, new MethodologyVersionPublished(MethodologyIds.METHODOLOGY, 1, defaults, "Implicită"));
        assertThat(lookup.current().orElseThrow()).isEqualTo(new Methodologies.MethodologyVersion(1, defaults));
        apply(1, new MethodologyVersionPublished(MethodologyIds.METHODOLOGY, 2, second, "Prag moderat 7,50"));
        apply(1, new MethodologyVersionPublished(MethodologyIds.METHODOLOGY, 2, second, "Prag moderat 7,50")); // twice

        Methodologies.MethodologyVersion current = lookup.current().orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.content()).isEqualTo(second);
        assertThat(current.content().priorityBands().get(1).minExposure()).isEqualTo(new BigDecimal("7.50"));
        assertThat(current.content().band(new BigDecimal("7.50")).riskClass()).isEqualTo(RiskClass.MODERATE);
        assertThat(lookup.version(1).orElseThrow().content()).isEqualTo(defaults);
        assertThat(lookup.version(3)).isEmpty();
    }
}

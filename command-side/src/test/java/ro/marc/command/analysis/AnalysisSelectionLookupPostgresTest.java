package ro.marc.command.analysis;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisEdition.ActivityLine;
import ro.marc.events.analysis.AnalysisIds;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.analysis.event.ActivityAnalysisSaved;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AnalysisSelectionLookup} on a real PostgreSQL: the activities of a member's last finalised analysis of a
 * work unit under a plan (a later draft does not count until finalised), per member and work unit, events applied
 * twice or late harmless, and a rebuild after {@code clear}.
 */
class AnalysisSelectionLookupPostgresTest {

    private final AnalysisSelectionLookup lookup = new AnalysisSelectionLookup(TestDatabase.jdbc());
    private final UUID plan = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID wu1 = UUID.randomUUID();
    private final UUID wu2 = UUID.randomUUID();
    private final UUID a1 = UUID.randomUUID();
    private final UUID a2 = UUID.randomUUID();
    private final UUID a3 = UUID.randomUUID();

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(long seq, Object event) {
        UUID id = event instanceof ActivityAnalysisFinalised f ? f.analysisId() : ((ActivityAnalysisSaved) event).analysisId();
        lookup.apply(new GenericDomainEventMessage<>("ActivityAnalysis", id.toString(), seq, event));
    }

    private ActivityAnalysisFinalised finalised(UUID memberId, UUID workUnit, int edition, UUID... activities) {
        List<ActivityLine> lines = Arrays.stream(activities).map(a -> new ActivityLine(a, "Activitatea " + a, List.of(), List.of())).toList();
        return new ActivityAnalysisFinalised(AnalysisIds.of(plan, memberId, workUnit), new AnalysisEdition(edition, plan,
                "Evaluarea riscurilor 2026", UUID.randomUUID(), "IPJ Cluj", County.CJ, workUnit, "Serviciul logistic",
                memberId, "Ioana Mureșan", LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 29), false, lines));
    }

    @Test
    void the_last_finalised_edition_of_each_members_analysis_of_a_work_unit_counts() {
        assertThat(lookup.handles(ActivityAnalysisFinalised.class)).isTrue();
        assertThat(lookup.handles(ActivityAnalysisSaved.class)).as("a draft does not count").isFalse();
        assertThat(lookup.selected(plan, member, wu1)).isEmpty();

        apply(2, finalised(member, wu1, 1, a1, a2));
        apply(3, finalised(other, wu1, 1, a3));
        apply(4, finalised(member, wu2, 1, a3));
        assertThat(lookup.selected(plan, member, wu1)).containsExactlyInAnyOrder(a1, a2);
        assertThat(lookup.selected(plan, other, wu1)).containsExactly(a3);
        assertThat(lookup.selected(plan, member, wu2)).containsExactly(a3);
        assertThat(lookup.selected(UUID.randomUUID(), member, wu1)).as("another plan").isEmpty();
        assertThat(lookup.selected(null, member, wu1)).isEmpty();

        apply(6, finalised(member, wu1, 2, a2)); // edition 2 drops a1
        assertThat(lookup.selected(plan, member, wu1)).containsExactly(a2);
        apply(6, finalised(member, wu1, 2, a2)); // twice
        apply(2, finalised(member, wu1, 1, a1, a2)); // an older event again changes nothing
        assertThat(lookup.selected(plan, member, wu1)).containsExactly(a2);
        assertThat(TestDatabase.jdbc().sql("SELECT edition FROM analysis_selection_lookup WHERE analysis_id = ?")
                .param(AnalysisIds.of(plan, member, wu1)).query(Integer.class).single()).isEqualTo(2);

        lookup.clear(); // a rebuild starts empty and applies the past again
        assertThat(lookup.selected(plan, member, wu1)).isEmpty();
        apply(2, finalised(member, wu1, 1, a1, a2));
        apply(6, finalised(member, wu1, 2, a2));
        assertThat(lookup.selected(plan, member, wu1)).containsExactly(a2);
    }
}

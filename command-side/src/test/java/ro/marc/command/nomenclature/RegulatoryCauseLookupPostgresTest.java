package ro.marc.command.nomenclature;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.nomenclature.RegulatoryCauses.CauseFact;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.nomenclature.ReferenceList;
import ro.marc.events.nomenclature.RegulatoryCauseDetails;
import ro.marc.events.nomenclature.event.*;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RegulatoryCauseLookup} on a real PostgreSQL: a cause's work unit, activity and label (the act type named
 * as the nomenclature's lookup names it now), an edit moving it, a deactivation, events applied twice or late
 * harmless, and a rebuild after {@code clear}.
 */
class RegulatoryCauseLookupPostgresTest {

    private final RegulatoryCauseLookup lookup = new RegulatoryCauseLookup(TestDatabase.jdbc());
    private final NomenclatureLookup nomenclature = new NomenclatureLookup(TestDatabase.jdbc());
    private final UUID lawType = UUID.randomUUID();
    private final UUID orderType = UUID.randomUUID();
    private final UUID wu1 = UUID.randomUUID();
    private final UUID wu2 = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    private final UUID otherActivity = UUID.randomUUID();
    private final UUID cause = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        lookup.clear();
        String suffix = " " + lawType.toString().substring(0, 8); // names unique among the list's entries
        nomenclature.apply(new GenericDomainEventMessage<>("ReferenceEntry", lawType.toString(), 0,
                new ReferenceEntryDefined(lawType, ReferenceList.ACT_TYPE, "Lege" + suffix)));
        nomenclature.apply(new GenericDomainEventMessage<>("ReferenceEntry", orderType.toString(), 0,
                new ReferenceEntryDefined(orderType, ReferenceList.ACT_TYPE, "Ordin" + suffix)));
    }

    private void apply(long seq, Object event) {
        lookup.apply(new GenericDomainEventMessage<>("RegulatoryCause", cause.toString(), seq, event));
    }

    private RegulatoryCauseDetails details(UUID workUnit, UUID activityId, UUID actType, String act, int year, String article) {
        return new RegulatoryCauseDetails(workUnit, activityId, UUID.randomUUID(), actType, act, year, UUID.randomUUID(),
                "Titlul actului", article, null, "Extras", "Factori", "Amenințări", "Recomandări", null);
    }

    @Test
    void a_cause_is_found_with_its_work_unit_activity_label_and_state() {
        String suffix = " " + lawType.toString().substring(0, 8);
        assertThat(lookup.handles(RegulatoryCauseAdded.class)).isTrue();
        assertThat(lookup.handles(ReferenceEntryDefined.class)).isFalse();
        assertThat(lookup.cause(cause)).isEmpty();
        assertThat(lookup.cause(null)).isEmpty();

        apply(0, new RegulatoryCauseAdded(cause, details(wu1, activity, lawType, "161", 2003, "12"), "u", UUID.randomUUID()));
        assertThat(lookup.cause(cause)).contains(new CauseFact(cause, wu1, activity, "Lege" + suffix + " nr. 161/2003, art. 12", true));

        RegulatoryCauseDetails moved = details(wu2, otherActivity, orderType, "98", 2016, "3");
        apply(1, new RegulatoryCauseEdited(cause, moved, null));
        apply(0, new RegulatoryCauseAdded(cause, details(wu1, activity, lawType, "161", 2003, "12"), "u", UUID.randomUUID()));
        assertThat(lookup.cause(cause)).as("the added event again changes nothing")
                .contains(new CauseFact(cause, wu2, otherActivity, "Ordin" + suffix + " nr. 98/2016, art. 3", true));

        nomenclature.apply(new GenericDomainEventMessage<>("ReferenceEntry", orderType.toString(), 1,
                new ReferenceEntryRenamed(orderType, ReferenceList.ACT_TYPE, "Ordinul ministrului" + suffix, "Ordin" + suffix)));
        assertThat(lookup.cause(cause).orElseThrow().label()).as("the act type as it is named now")
                .isEqualTo("Ordinul ministrului" + suffix + " nr. 98/2016, art. 3");

        apply(2, new RegulatoryCauseDeactivated(cause));
        apply(1, new RegulatoryCauseEdited(cause, details(wu1, activity, lawType, "1", 2000, "1"), null)); // late: ignored
        assertThat(lookup.cause(cause).orElseThrow().active()).isFalse();
        assertThat(lookup.cause(cause).orElseThrow().workUnitId()).isEqualTo(wu2);

        lookup.clear();
        assertThat(lookup.cause(cause)).isEmpty();
    }
}

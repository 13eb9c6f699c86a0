package ro.marc.command.nomenclature;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.command.*;
import ro.marc.events.nomenclature.event.*;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.command.nomenclature.NomenclatureFixtures.*;

/** The nomenclature's aggregates clean their free text through Texts/Names: refusals name the field. */
class NomenclatureTextHygieneTest {

    private final InMemoryNomenclatureCatalogue catalogue = new InMemoryNomenclatureCatalogue().given(NomenclatureFixtures.domains());

    private <T> FixtureConfiguration<T> fixture(Class<T> type) {
        FixtureConfiguration<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(org());
        fixture.registerInjectableResource(new ro.marc.command.plan.InMemoryActivePlans());
        return fixture;
    }

    private FixtureConfiguration<Domain> domains() {
        return fixture(Domain.class);
    }

    private FixtureConfiguration<NomenclatureItem> items() {
        return fixture(NomenclatureItem.class);
    }

    private FixtureConfiguration<ReferenceEntry> references() {
        return fixture(ReferenceEntry.class);
    }

    private FixtureConfiguration<RegulatoryCause> causes() {
        return fixture(RegulatoryCause.class);
    }

    @Test
    void nomenclature_names_descriptions_and_reasons_are_cleaned() {
        domains().givenNoPriorActivity()
                .when(new DefineDomain(PROCUREMENT, null, "Achiziții\u2066"))
                .expectException(invalidCharacters("name", "U+2066", 10));
        items().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", "Rândul 1\r\nRândul\u0007 2", PROCUREMENT,
                        List.of(WU1), List.of(), MEMBER, false))
                .expectException(invalidCharacters("description", "U+0007", 17));
        items().given(activityProposed(ACTIVITY, "Achiziții directe"))
                .when(new RejectProposal(ACTIVITY, 1, "Nu\u0085"))
                .expectException(invalidCharacters("reason", "U+0085", 3));
        references().givenNoPriorActivity()
                .when(new DefineReferenceEntry(UUID.randomUUID(), ReferenceList.ACT_TYPE, "Le\uDC00ge"))
                .expectException(invalidCharacters("name", "U+DC00", 3));
    }

    @Test
    void a_multi_line_description_keeps_its_lines() {
        items().givenNoPriorActivity()
                .when(new ProposeActivity(ACTIVITY, "Achiziții directe", " Rândul 1\r\n\tRândul 2 ", PROCUREMENT,
                        List.of(WU1), List.of(), MEMBER, false))
                .expectEvents(new ActivityProposed(ACTIVITY, "Achiziții directe", "Rândul 1\n\tRândul 2", PROCUREMENT,
                        List.of(WU1), List.of(), PROPOSER, CLUJ));
    }

    @Test
    void a_huge_malformed_number_is_not_echoed_whole() {
        UUID cause = UUID.randomUUID();
        causes().givenNoPriorActivity()
                .when(new AddRegulatoryCause(cause, new RegulatoryCauseDetails(UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID(), UUID.randomUUID(), "x".repeat(1_000_000), 2020, UUID.randomUUID(), "Titlu", "1",
                        null, "Extras", "Factori", "Amenințări", "Recomandări", null), MEMBER))
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.matchesRegex("(?s).{1,150}"));
        assertThat(CommandRejected.invalid("f", "C", "y".repeat(1_000_000)).getMessage()).hasSizeLessThanOrEqualTo(500);
    }

    private static Matcher<CommandRejected> invalidCharacters(String field, String character, int position) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == CommandRejected.Reason.INVALID && field.equals(item.field())
                        && "INVALID_CHARACTERS".equals(item.code()) && character.equals(item.details().get("character"))
                        && Integer.valueOf(position).equals(item.details().get("position"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("INVALID_CHARACTERS in " + field + ": " + character + " at " + position);
            }
        };
    }
}

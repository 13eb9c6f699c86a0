package ro.marc.command.methodology;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.methodology.EffectivenessBand;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.ScaleLevel;
import ro.marc.events.methodology.command.PublishMethodologyVersion;
import ro.marc.events.methodology.event.MethodologyVersionPublished;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.command.common.Refused.rejected;

/**
 * {@link Methodology}: version 1 is the defaults, every publication the next version with its note; a version
 * with problems is refused with the first problem's field and code and all of them in the details; the content
 * in force is NOTHING_NEW; a stale version is a conflict. Nothing is appended by a refusal.
 */
class MethodologyTest {

    private static final UUID ID = MethodologyIds.METHODOLOGY;
    private static final MethodologyContent DEFAULTS = MethodologyContent.defaults();
    private static final MethodologyVersionPublished VERSION_1 =
            new MethodologyVersionPublished(ID, 1, DEFAULTS, "Metodologia implicită (Anexele 6–9)");

    private FixtureConfiguration<Methodology> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Methodology.class);
    }

    /** The defaults with the high band from {@code high} (moderate from 8.00). */
    private static MethodologyContent highFrom(String high) {
        List<PriorityBand> bands = new ArrayList<>(DEFAULTS.priorityBands());
        PriorityBand band = bands.getFirst();
        bands.set(0, new PriorityBand(1, RiskClass.HIGH, new BigDecimal(high), band.label(), band.interventionTerm()));
        return new MethodologyContent(DEFAULTS.probabilityScale(), DEFAULTS.impactScale(), DEFAULTS.effectivenessGrid(), bands);
    }

    @Test
    void the_first_publication_is_version_1() {
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, DEFAULTS, "Metodologia implicită (Anexele 6–9)", 0))
                .expectEvents(VERSION_1)
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_next_publication_is_the_next_version_with_texts_tidied_as_marc_stores_them() {
        MethodologyContent stricter = highFrom("12.00");
        List<ScaleLevel> untidy = new ArrayList<>(stricter.probabilityScale());
        ScaleLevel rare = untidy.getFirst();
        untidy.set(0, new ScaleLevel(1, "  " + rare.label() + "  ", rare.descriptor() + "  "));
        MethodologyContent given = new MethodologyContent(untidy, stricter.impactScale(), stricter.effectivenessGrid(),
                stricter.priorityBands());
        fixture.given(VERSION_1)
                .when(new PublishMethodologyVersion(ID, given, "  Prag de risc înalt coborât la 12  ", 1))
                .expectEvents(new MethodologyVersionPublished(ID, 2, stricter, "Prag de risc înalt coborât la 12"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_content_in_force_is_nothing_new_but_an_older_version_s_content_may_come_back() {
        fixture.given(VERSION_1)
                .when(new PublishMethodologyVersion(ID, DEFAULTS, "Din nou", 1))
                .expectException(rejected(Reason.INVALID, "content", "NOTHING_NEW"))
                .expectNoEvents();
        fixture.given(VERSION_1, new MethodologyVersionPublished(ID, 2, highFrom("12.00"), "Mai strict"))
                .when(new PublishMethodologyVersion(ID, DEFAULTS, "Înapoi la pragurile implicite", 2))
                .expectEvents(new MethodologyVersionPublished(ID, 3, DEFAULTS, "Înapoi la pragurile implicite"));
    }

    @Test
    void a_stale_version_is_a_conflict_and_a_second_first_publication_too() {
        fixture.given(VERSION_1)
                .when(new PublishMethodologyVersion(ID, highFrom("12.00"), "Mai strict", 0))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION",
                        Map.of("expectedVersion", 0L, "currentVersion", 1L)))
                .expectNoEvents();
        fixture.given(VERSION_1, new MethodologyVersionPublished(ID, 2, highFrom("12.00"), "Mai strict"))
                .when(new PublishMethodologyVersion(ID, highFrom("13.00"), "Alt prag", 1))
                .expectException(rejected(Reason.CONFLICT, "expectedVersion", "STALE_VERSION"))
                .expectNoEvents();
    }

    @Test
    void problems_are_refused_with_the_first_one_s_field_and_code_and_all_in_the_details() {
        List<EffectivenessBand> grid = List.of(DEFAULTS.effectivenessGrid().get(0), DEFAULTS.effectivenessGrid().get(1));
        MethodologyContent twoProblems = new MethodologyContent(DEFAULTS.probabilityScale().subList(0, 4),
                DEFAULTS.impactScale(), grid, DEFAULTS.priorityBands());
        fixture.given(VERSION_1)
                .when(new PublishMethodologyVersion(ID, twoProblems, "Incomplet", 1))
                .expectException(rejected(Reason.INVALID, "probabilityScale", "SCALE_STEPS", Map.of("problems", List.of(
                        Map.of("field", "probabilityScale", "code", "SCALE_STEPS",
                                "message", "The scale has exactly five steps, scored 1 to 5"),
                        Map.of("field", "effectivenessGrid", "code", "GRID_COVERAGE",
                                "message", "4 criteria met falls in 0 rows of the grid; every count 0–4 falls in exactly one")))))
                .expectNoEvents();
    }

    @Test
    void each_kind_of_bad_table_is_named_by_its_field() {
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, highFrom("7.00"), "Praguri inversate", 0))
                .expectException(rejected(Reason.INVALID, "priorityBands[0].minExposure", "BAND_THRESHOLDS"))
                .expectNoEvents();
        List<ScaleLevel> blank = new ArrayList<>(DEFAULTS.impactScale());
        blank.set(3, new ScaleLevel(4, "   ", "Efecte importante"));
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, new MethodologyContent(DEFAULTS.probabilityScale(), blank,
                        DEFAULTS.effectivenessGrid(), DEFAULTS.priorityBands()), "Etichetă lipsă", 0))
                .expectException(rejected(Reason.INVALID, "impactScale[3].label", "REQUIRED"))
                .expectNoEvents();
        List<EffectivenessBand> grid = new ArrayList<>(DEFAULTS.effectivenessGrid());
        grid.set(2, new EffectivenessBand(3, 4, EffectivenessLevel.EFFECTIVE, "Eficientă"));
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, new MethodologyContent(DEFAULTS.probabilityScale(),
                        DEFAULTS.impactScale(), grid, DEFAULTS.priorityBands()), "Grilă suprapusă", 0))
                .expectException(rejected(Reason.INVALID, "effectivenessGrid", "GRID_COVERAGE"))
                .expectNoEvents();
        List<ScaleLevel> control = new ArrayList<>(DEFAULTS.probabilityScale());
        control.set(1, new ScaleLevel(2, "Puțin\u200Bprobabil", "x"));
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, new MethodologyContent(control, DEFAULTS.impactScale(),
                        DEFAULTS.effectivenessGrid(), DEFAULTS.priorityBands()), "Caracter invizibil", 0))
                .expectException(rejected(Reason.INVALID, "probabilityScale[1].label", "INVALID_CHARACTERS"))
                .expectNoEvents();
    }

    @Test
    void the_note_and_the_content_are_required_and_the_note_is_one_bounded_line() {
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, DEFAULTS, "  ", 0))
                .expectException(rejected(Reason.INVALID, "note", "REQUIRED"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, DEFAULTS, "x".repeat(Methodology.MAX_NOTE + 1), 0))
                .expectException(rejected(Reason.INVALID, "note", "TOO_LONG"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(ID, null, "Fără tabele", 0))
                .expectException(rejected(Reason.INVALID, "content", "REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void only_the_one_methodology_exists() {
        UUID other = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(other, DEFAULTS, "Alta", 0))
                .expectException(rejected(Reason.NOT_FOUND, "methodologyId", "NOT_FOUND"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PublishMethodologyVersion(null, DEFAULTS, "Alta", 0))
                .expectException(CommandRejected.class)
                .expectNoEvents();
    }

    @Test
    void the_cleaned_defaults_are_the_defaults() {
        assertThat(MethodologyRules.publishable(DEFAULTS)).isEqualTo(DEFAULTS);
    }
}

package ro.marc.query.methodology;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.event.MethodologyVersionPublished;
import ro.marc.query.support.TestServices;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MethodologyReadModelProjection} on a real PostgreSQL, read back through {@link MethodologyQueries}: every
 * version as published (tables, note, publisher, time), the newest current, an event delivered twice harmless,
 * a reset empties it.
 */
class MethodologyProjectionTest {

    private final JdbcClient jdbc = TestServices.jdbc();
    private final JsonMapper json = JsonMapper.builder().build();
    private final MethodologyReadModelProjection projection = new MethodologyReadModelProjection(jdbc, json);
    private final MethodologyQueries queries = new MethodologyQueries(jdbc, json);
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void empty() {
        jdbc.sql("TRUNCATE methodology_version").update();
    }

    @Test
    void every_version_is_kept_as_published_and_the_newest_is_current() {
        assertThat(queries.current()).isEmpty();
        assertThat(queries.versions()).isEmpty();
        MethodologyContent defaults = MethodologyContent.defaults();
        List<PriorityBand> bands = new ArrayList<>(defaults.priorityBands());
        bands.set(0, new PriorityBand(1, RiskClass.HIGH, new BigDecimal("12.50"), "Risc înalt", "Imediat"));
        MethodologyContent stricter = new MethodologyContent(defaults.probabilityScale(), defaults.impactScale(),
                defaults.effectivenessGrid(), bands);
        String admin = UUID.randomUUID().toString();

        projection.on(new MethodologyVersionPublished(MethodologyIds.METHODOLOGY, 1, defaults, "Implicită"), t0, "system");
        projection.on(new MethodologyVersionPublished(MethodologyIds.METHODOLOGY, 2, stricter, "Prag înalt 12,50"),
                t0.plusSeconds(60), admin);
        projection.on(new MethodologyVersionPublished(MethodologyIds.METHODOLOGY, 2, defaults, "livrat din nou, altfel"),
                t0.plusSeconds(120), "someone"); // a version is written once

        assertThat(queries.current().orElseThrow())
                .isEqualTo(new MethodologyVersionView(2, stricter, "Prag înalt 12,50", admin, t0.plusSeconds(60)));
        assertThat(queries.current().orElseThrow().content().priorityBands().getFirst().minExposure())
                .isEqualTo(new BigDecimal("12.50"));
        assertThat(queries.version(1).orElseThrow())
                .isEqualTo(new MethodologyVersionView(1, defaults, "Implicită", "system", t0));
        assertThat(queries.version(3)).isEmpty();
        assertThat(queries.versions()).extracting(MethodologyVersionView::version).containsExactly(2, 1);

        projection.reset();
        assertThat(queries.versions()).isEmpty();
    }
}

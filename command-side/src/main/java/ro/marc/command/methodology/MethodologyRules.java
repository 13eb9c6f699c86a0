package ro.marc.command.methodology;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Texts;
import ro.marc.events.methodology.EffectivenessBand;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.MethodologyProblem;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.ScaleLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes methodology tables publishable, for the publication ({@link Methodology}) and for the dry run the API
 * answers before it (the same refusals, so an administrator sees in the dry run what publishing would say).
 */
public final class MethodologyRules {

    private MethodologyRules() {
    }

    /**
     * The tables with their texts cleaned as MARC stores texts ({@link Texts#clean}: labels on one line, descriptors
     * and intervention terms may hold line breaks; INVALID_CHARACTERS naming the field), or INVALID with the first
     * of {@link MethodologyContent#problems()} (its field and code; every problem in the details as
     * {@code problems}: field, code, message).
     */
    public static MethodologyContent publishable(MethodologyContent given) {
        MethodologyContent cleaned = new MethodologyContent(scale("probabilityScale", given.probabilityScale()),
                scale("impactScale", given.impactScale()),
                each(given.effectivenessGrid(), (band, at) -> new EffectivenessBand(band.minCriteriaMet(),
                        band.maxCriteriaMet(), band.level(), line("effectivenessGrid" + at + ".label", band.label()))),
                each(given.priorityBands(), (band, at) -> new PriorityBand(band.priority(), band.riskClass(),
                        band.minExposure(), line("priorityBands" + at + ".label", band.label()),
                        text("priorityBands" + at + ".interventionTerm", band.interventionTerm()))));
        List<MethodologyProblem> problems = cleaned.problems();
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        return cleaned;
    }

    private static List<ScaleLevel> scale(String field, List<ScaleLevel> scale) {
        return each(scale, (level, at) -> new ScaleLevel(level.score(), line(field + at + ".label", level.label()),
                text(field + at + ".descriptor", level.descriptor())));
    }

    private interface Cleaner<T> {
        T clean(T item, String at);
    }

    /** Each entry cleaned, {@code at} its index as the API spells it ({@code [2]}). */
    private static <T> List<T> each(List<T> items, Cleaner<T> cleaner) {
        List<T> cleaned = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            cleaned.add(cleaner.clean(items.get(i), "[" + i + "]"));
        }
        return cleaned;
    }

    private static String line(String field, String value) {
        return Texts.clean(field, value, false);
    }

    private static String text(String field, String value) {
        return Texts.clean(field, value, true);
    }

    private static CommandRejected refusal(List<MethodologyProblem> problems) {
        MethodologyProblem first = problems.getFirst();
        List<Map<String, Object>> all = problems.stream().map(p -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("field", p.field());
            one.put("code", p.code());
            one.put("message", p.message());
            return one;
        }).toList();
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more: see problems)";
        return new CommandRejected(CommandRejected.Reason.INVALID, first.field(), first.code(), first.message() + more,
                Map.of("problems", all));
    }
}

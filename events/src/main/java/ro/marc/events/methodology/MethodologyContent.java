package ro.marc.events.methodology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The methodology of risk evaluation as one version states it (§2.2.3.3–§2.2.3.4, UCA 75–77): the probability
 * scale (Anexa 6), the impact scale (Anexa 7), the measure-effectiveness grid (Anexa 8) and the priority bands with
 * their intervention terms (Anexa 9). The spec does not print the tables, so they are data, kept in versions by
 * central administrators; {@link #defaults()} is version 1.
 *
 * <p>A publishable version ({@link #problems()} empty) has both scales with exactly the scores 1–5, a grid that
 * gives every count of criteria met (0–4) exactly one level, and three bands — priority 1 HIGH, 2 MODERATE,
 * 3 MINOR — with strictly decreasing thresholds, the minor band starting at the lowest exposure, 1.00, and the
 * others inside 1–25, so every exposure falls in exactly one band.
 */
public record MethodologyContent(List<ScaleLevel> probabilityScale, List<ScaleLevel> impactScale,
                                 List<EffectivenessBand> effectivenessGrid, List<PriorityBand> priorityBands) {

    public static final BigDecimal LOWEST_EXPOSURE = new BigDecimal("1.00");
    public static final BigDecimal HIGHEST_EXPOSURE = new BigDecimal("25.00");
    static final int MAX_LABEL = 200;
    static final int MAX_DESCRIPTOR = 2000;

    public MethodologyContent {
        probabilityScale = probabilityScale == null ? List.of() : List.copyOf(probabilityScale);
        impactScale = impactScale == null ? List.of() : List.copyOf(impactScale);
        effectivenessGrid = effectivenessGrid == null ? List.of() : List.copyOf(effectivenessGrid);
        priorityBands = priorityBands == null ? List.of() : List.copyOf(priorityBands);
    }

    /** The band {@code exposure} falls in: the one with the highest threshold not above it. */
    public PriorityBand band(BigDecimal exposure) {
        return priorityBands.stream()
                .filter(b -> b.minExposure().compareTo(exposure) <= 0)
                .max(Comparator.comparing(PriorityBand::minExposure))
                .orElseThrow(() -> new IllegalArgumentException("no band holds the exposure " + exposure));
    }

    /** The grid's verdict on an existing measure meeting {@code criteriaMet} of the four criteria. */
    public EffectivenessBand effectiveness(int criteriaMet) {
        return effectivenessGrid.stream()
                .filter(b -> b.minCriteriaMet() <= criteriaMet && criteriaMet <= b.maxCriteriaMet())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no grid row holds " + criteriaMet + " criteria met"));
    }

    /** The scale step of {@code score}, for the names shown beside a score. */
    public static ScaleLevel level(List<ScaleLevel> scale, int score) {
        return scale.stream().filter(l -> l.score() == score).findFirst().orElse(null);
    }

    /** Everything that keeps this version from being published; empty when it may be. */
    public List<MethodologyProblem> problems() {
        List<MethodologyProblem> problems = new ArrayList<>();
        scale("probabilityScale", probabilityScale, problems);
        scale("impactScale", impactScale, problems);
        grid(problems);
        bands(problems);
        return problems;
    }

    private static void scale(String field, List<ScaleLevel> scale, List<MethodologyProblem> problems) {
        if (scale.size() != RiskArithmetic.MAX_SCORE) {
            problems.add(new MethodologyProblem(field, "SCALE_STEPS", "The scale has exactly five steps, scored 1 to 5"));
            return;
        }
        for (int i = 0; i < scale.size(); i++) {
            ScaleLevel level = scale.get(i);
            String at = field + "[" + i + "]";
            if (level == null || level.score() != i + 1) {
                problems.add(new MethodologyProblem(at + ".score", "SCALE_STEPS", "Step " + (i + 1) + " is scored " + (i + 1)));
                continue;
            }
            text(at + ".label", level.label(), MAX_LABEL, problems);
            text(at + ".descriptor", level.descriptor(), MAX_DESCRIPTOR, problems);
        }
    }

    private void grid(List<MethodologyProblem> problems) {
        int[] rowsPerCount = new int[5];
        for (int i = 0; i < effectivenessGrid.size(); i++) {
            EffectivenessBand band = effectivenessGrid.get(i);
            String at = "effectivenessGrid[" + i + "]";
            if (band == null || band.level() == null) {
                problems.add(new MethodologyProblem(at + ".level", "REQUIRED", "Every row of the grid names its level"));
                continue;
            }
            if (band.minCriteriaMet() < 0 || band.maxCriteriaMet() > 4 || band.minCriteriaMet() > band.maxCriteriaMet()) {
                problems.add(new MethodologyProblem(at + ".minCriteriaMet", "GRID_RANGE",
                        "A row covers a range of criteria met within 0–4, its lower end not above its upper end"));
                continue;
            }
            text(at + ".label", band.label(), MAX_LABEL, problems);
            for (int met = band.minCriteriaMet(); met <= band.maxCriteriaMet(); met++) {
                rowsPerCount[met]++;
            }
        }
        for (int met = 0; met <= 4; met++) {
            if (rowsPerCount[met] != 1) {
                problems.add(new MethodologyProblem("effectivenessGrid", "GRID_COVERAGE",
                        met + " criteria met falls in " + rowsPerCount[met] + " rows of the grid; every count 0–4 falls in exactly one"));
            }
        }
    }

    private void bands(List<MethodologyProblem> problems) {
        if (priorityBands.size() != 3) {
            problems.add(new MethodologyProblem("priorityBands", "BANDS",
                    "There are exactly three bands: priority 1 HIGH, 2 MODERATE, 3 MINOR"));
            return;
        }
        RiskClass[] classes = {RiskClass.HIGH, RiskClass.MODERATE, RiskClass.MINOR};
        for (int i = 0; i < 3; i++) {
            PriorityBand band = priorityBands.get(i);
            String at = "priorityBands[" + i + "]";
            if (band == null || band.priority() != i + 1 || band.riskClass() != classes[i]) {
                problems.add(new MethodologyProblem(at + ".priority", "BANDS",
                        "Band " + (i + 1) + " is priority " + (i + 1) + ", " + classes[i]));
                return;
            }
            if (band.minExposure() == null) {
                problems.add(new MethodologyProblem(at + ".minExposure", "REQUIRED", "Every band has its lowest exposure"));
                return;
            }
            text(at + ".label", band.label(), MAX_LABEL, problems);
            text(at + ".interventionTerm", band.interventionTerm(), MAX_DESCRIPTOR, problems);
        }
        BigDecimal high = priorityBands.get(0).minExposure();
        BigDecimal moderate = priorityBands.get(1).minExposure();
        BigDecimal minor = priorityBands.get(2).minExposure();
        if (minor.compareTo(LOWEST_EXPOSURE) != 0) {
            problems.add(new MethodologyProblem("priorityBands[2].minExposure", "BAND_THRESHOLDS",
                    "The minor band starts at the lowest exposure, 1.00"));
        }
        if (moderate.compareTo(minor) <= 0 || high.compareTo(moderate) <= 0 || high.compareTo(HIGHEST_EXPOSURE) > 0) {
            problems.add(new MethodologyProblem("priorityBands[0].minExposure", "BAND_THRESHOLDS",
                    "The thresholds rise strictly from minor to moderate to high, within 1–25"));
        }
    }

    private static void text(String field, String value, int max, List<MethodologyProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new MethodologyProblem(field, "REQUIRED", "The text is required"));
        } else if (value.length() > max) {
            problems.add(new MethodologyProblem(field, "TOO_LONG", value.length() + " characters; at most " + max));
        }
    }

    /**
     * Version 1, until a central administrator publishes another: exposure 1–25; high (priority 1) from 15,
     * moderate (priority 2) from 8, minor (priority 3) below 8; effective when all four criteria are met,
     * partially effective for 2–3, ineffective for 0–1 (docs/domain.md). Texts in Romanian, as users read them.
     */
    public static MethodologyContent defaults() {
        return new MethodologyContent(
                List.of(new ScaleLevel(1, "Rar", "Riscul se poate materializa doar în circumstanțe excepționale; "
                                + "nu au existat incidente în activitate și nici în structuri similare."),
                        new ScaleLevel(2, "Puțin probabil", "Riscul s-ar putea materializa în anumite circumstanțe, "
                                + "dar nu există indicii că s-ar putea produce în perioada următoare."),
                        new ScaleLevel(3, "Posibil", "Riscul se poate materializa în anumite condiții; există unele "
                                + "indicii sau au existat semnale privind vulnerabilitatea activității."),
                        new ScaleLevel(4, "Probabil", "Riscul se va materializa probabil în majoritatea circumstanțelor; "
                                + "au existat incidente de integritate asociate riscului."),
                        new ScaleLevel(5, "Aproape sigur", "Riscul este de așteptat să se materializeze în majoritatea "
                                + "circumstanțelor; incidentele asociate sunt repetate sau recente.")),
                List.of(new ScaleLevel(1, "Nesemnificativ", "Efecte neglijabile asupra performanței, termenelor, "
                                + "bugetului și imaginii instituției."),
                        new ScaleLevel(2, "Minor", "Efecte reduse, remediabile cu resursele curente ale structurii."),
                        new ScaleLevel(3, "Moderat", "Efecte vizibile asupra obiectivelor activității; remedierea cere "
                                + "resurse suplimentare sau întârzieri."),
                        new ScaleLevel(4, "Major", "Efecte importante: obiective ratate, pierderi bugetare semnificative, "
                                + "afectarea imaginii la nivel regional."),
                        new ScaleLevel(5, "Critic", "Efecte grave și de durată: activitatea compromisă, pierderi "
                                + "bugetare majore, afectarea imaginii instituției la nivel național.")),
                List.of(new EffectivenessBand(0, 1, EffectivenessLevel.INEFFECTIVE, "Ineficientă"),
                        new EffectivenessBand(2, 3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă"),
                        new EffectivenessBand(4, 4, EffectivenessLevel.EFFECTIVE, "Eficientă")),
                List.of(new PriorityBand(1, RiskClass.HIGH, new BigDecimal("15.00"), "Risc înalt",
                                "Intervenție imediată: măsuri suplimentare în cel mult 3 luni"),
                        new PriorityBand(2, RiskClass.MODERATE, new BigDecimal("8.00"), "Risc moderat",
                                "Intervenție pe termen mediu: măsuri suplimentare în cel mult 6 luni"),
                        new PriorityBand(3, RiskClass.MINOR, LOWEST_EXPOSURE, "Risc minor",
                                "Risc tolerat: monitorizarea măsurilor existente, reevaluare la următorul ciclu anual")));
    }
}

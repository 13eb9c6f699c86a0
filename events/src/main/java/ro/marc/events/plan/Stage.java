package ro.marc.events.plan;

import java.util.List;

/**
 * The three stages of corruption-risk management (Metodologie, Anexa 1) and the standard activities of
 * each: the methodology's checklist, listed in the plan and its PDF. A101: only a stage's deadline is
 * set; each of its activities takes that deadline. A stage starts the day after the previous stage's
 * deadline (the n+1 rule); the first starts on the plan's start date.
 */
public enum Stage {
    IDENTIFICATION("Etapa de identificare și descriere a riscurilor de corupție", List.of(
            "Completarea chestionarului de management (Anexa 2)",
            "Identificarea activităților vulnerabile la corupție (Anexa 3)",
            "Identificarea riscurilor de corupție asociate activităților vulnerabile",
            "Descrierea riscurilor de corupție (Anexa 4)")),
    EVALUATION("Etapa de evaluare a riscurilor de corupție", List.of(
            "Estimarea probabilității de materializare a riscurilor de corupție",
            "Stabilirea dimensiunilor posibile de impact",
            "Estimarea impactului global",
            "Calcularea expunerii la risc și stabilirea priorității de intervenție")),
    MEASURES("Etapa de determinare și implementare a măsurilor de prevenire/control a riscurilor de corupție", List.of(
            "Evaluarea eficacității măsurilor de control existente",
            "Stabilirea măsurilor de prevenire/control suplimentare",
            "Întocmirea registrului riscurilor de corupție (Anexa 10)",
            "Monitorizarea implementării măsurilor și revizuirea riscurilor"));

    private final String title;
    private final List<String> standardActivities;

    Stage(String title, List<String> standardActivities) {
        this.title = title;
        this.standardActivities = standardActivities;
    }

    /** The stage's name in the methodology (Romanian, as printed in the PDF). */
    public String title() {
        return title;
    }

    /** The methodology's checklist for this stage, in order. */
    public List<String> standardActivities() {
        return standardActivities;
    }
}

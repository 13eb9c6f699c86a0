package ro.marc.events.register;

import java.util.UUID;

/**
 * One evaluation of a register measure's indicator by a person (A1001: "4 Ionuț Popescu"): a value of the
 * indicator's kind (a decimal number; 1 or 0 for DONE_NOT_DONE; one of the allowed values for QUALITATIVE).
 *
 * @param riskId       the risk the measure is listed under; null when entered directly (the register fills it in)
 * @param assessmentId the measure's assessment; null from the workbook, which names a measure by its id only: the
 *                     register resolves it (measure ids are client-chosen UUIDs, unique within an assessment; one
 *                     used by two assessments of the register is refused AMBIGUOUS_MEASURE)
 * @param row          the workbook's row number (1-based, as a spreadsheet shows it) for an import; null when entered directly
 */
public record MeasureEvaluation(UUID riskId, UUID assessmentId, UUID measureId, UUID indicatorId, String value,
                                String personName, Integer row) {
}

package ro.marc.api.register.workbook;

/**
 * One problem of an imported workbook, named by its place: the row as a spreadsheet numbers it (1 = the header) and
 * the column letter, on {@code sheet}; row and column are null for the file as a whole (not an .xlsx).
 *
 * @param field the part at fault: {@code file}, {@code header}, or the evaluation's field (personName, riskId,
 *              measureId, indicatorId, value)
 */
public record WorkbookProblem(String code, String message, String field, Integer row, String column, String sheet) {

    /** The file is not the workbook MARC wrote, or its header or hidden sheet was changed. */
    public static final String TAMPERED = "WORKBOOK_TAMPERED";
    /** The workbook was made for another register. */
    public static final String OTHER_REGISTER = "WORKBOOK_OF_OTHER_REGISTER";

    static WorkbookProblem ofFile(String code, String message) {
        return new WorkbookProblem(code, message, "file", null, null, null);
    }
}

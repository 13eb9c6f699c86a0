package ro.marc.api.register.workbook;

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.register.MeasureEvaluation;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.text.Uuids;
import ro.marc.query.register.RegisterViews.IndicatorView;
import ro.marc.query.register.RegisterViews.MeasureView;
import ro.marc.query.register.RegisterViews.RegisterView;
import ro.marc.query.register.RegisterViews.RiskView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.*;
import java.util.function.Predicate;

/**
 * The A1001 measure-evaluation workbook, with Apache POI: written from the register's saved edition for the measures
 * chosen, filled in by risk owners without an account, read back into {@link MeasureEvaluation}s.
 *
 * <p>Sheet {@value #SHEET}: the header row {@link #HEADER}, then one row per measure and indicator. Nume, Prenume and
 * Valoare are the only unlocked cells (the sheet is protected with a random password nobody needs: the ids and names
 * stay as written); Valoare carries a data validation — the allowed values as a drop-down (QUALITATIVE), 1 / 0
 * (DONE_NOT_DONE), a decimal (NUMERIC). A very hidden sheet {@value #META_SHEET} holds the register id, the plan, the
 * edition and {@value #TEMPLATE_VERSION}, plus the drop-down lists too long for an inline list; the workbook's
 * structure is locked, so the sheets cannot be unhidden, renamed or added in Excel.
 *
 * <p>Reading checks the structure only (a readable .xlsx, the header and the hidden sheet as written, the register,
 * every filled row complete); whether the ids, the measures under the risks and the values fit the register is the
 * command's ({@code RecordMeasureEvaluations}), which refuses each bad row by its number.
 */
public final class MeasureWorkbook {

    public static final String SHEET = "Evaluare măsuri";
    public static final String META_SHEET = "marc";
    public static final String TEMPLATE_VERSION = "A1001/1";
    public static final List<String> HEADER = List.of("Nume", "Prenume", "ID risc", "Denumire risc", "ID măsură",
            "Denumire măsură", "ID indicator", "Indicator", "Valoare", "Valori permise");

    static final int NUME = 0, PRENUME = 1, RISK_ID = 2, RISK_NAME = 3, MEASURE_ID = 4, MEASURE_NAME = 5,
            INDICATOR_ID = 6, INDICATOR_NAME = 7, VALUE = 8, ALLOWED = 9;

    /** Meta sheet: labels in column A, values in column B, rows 1..4 (as a spreadsheet numbers them). */
    static final List<String> META_LABELS = List.of("registerId", "planId", "edition", "template");
    /** Meta sheet: the first column of the long drop-down lists. */
    static final int LISTS_FIRST_COLUMN = 3;
    /** Excel's limit on an inline list's formula ("a,b,c"). */
    static final int INLINE_LIST_MAX = 255;
    /** At most this many data rows (the command takes at most 5,000 evaluations in one go; select fewer measures). */
    static final int MAX_ROWS = 5_000;

    private static final int MAX_WIDTH = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MeasureWorkbook() {
    }

    /** The template of the register's saved edition for the measures {@code selected} (all when it is empty). */
    public static byte[] write(RegisterView register, Collection<MeasureKey> selected) {
        Predicate<MeasureView> chosen = m -> selected.isEmpty() || selected.contains(new MeasureKey(m.assessmentId(), m.measureId()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET);
            XSSFSheet meta = workbook.createSheet(META_SHEET);
            Styles styles = new Styles(workbook);

            Row first = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                cell(first, c, HEADER.get(c), styles.header);
            }
            sheet.createFreezePane(0, 1);

            // one data validation per distinct rule, over all its Valoare cells
            Map<List<String>, CellRangeAddressList> rules = new LinkedHashMap<>();
            int r = 1;
            for (RiskView risk : register.risks()) {
                for (MeasureView measure : risk.measures()) {
                    if (!chosen.test(measure)) {
                        continue;
                    }
                    for (IndicatorView indicator : measure.indicators()) {
                        Row row = sheet.createRow(r);
                        cell(row, NUME, "", styles.open);
                        cell(row, PRENUME, "", styles.open);
                        cell(row, RISK_ID, risk.riskId().toString(), styles.locked);
                        cell(row, RISK_NAME, risk.riskName(), styles.lockedWrapped);
                        cell(row, MEASURE_ID, measure.measureId().toString(), styles.locked);
                        cell(row, MEASURE_NAME, measure.description(), styles.lockedWrapped);
                        cell(row, INDICATOR_ID, indicator.indicatorId().toString(), styles.locked);
                        cell(row, INDICATOR_NAME, indicator.name(), styles.lockedWrapped);
                        row.createCell(VALUE, CellType.BLANK).setCellStyle(styles.openValue);
                        cell(row, ALLOWED, allowedText(indicator), styles.lockedWrapped);
                        rules.computeIfAbsent(rule(indicator), k -> new CellRangeAddressList())
                                .addCellRangeAddress(r, VALUE, r, VALUE);
                        r++;
                    }
                }
            }
            validations(sheet, meta, rules);
            meta(meta, register);
            for (int c = 0; c < HEADER.size(); c++) {
                width(sheet, c);
            }
            if (r > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, HEADER.size() - 1));
            }
            protect(sheet);
            protect(meta);
            workbook.setSheetVisibility(workbook.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
            workbook.setActiveSheet(0);
            workbook.lockStructure();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the import read: the register the workbook was made for and one evaluation per filled row. */
    public record Parsed(UUID registerId, UUID planId, int edition, List<MeasureEvaluation> evaluations) {
    }

    /**
     * Reads a filled workbook made for {@code registerId}; every structural problem is collected and thrown together
     * ({@link WorkbookRefused}). A data row is filled when any of Nume, Prenume, Valoare holds something; a row left
     * untouched is an indicator nobody evaluated and is skipped; a filled row needs all three and its ids.
     */
    public static Parsed read(byte[] content, UUID registerId) {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // not a zip, not OOXML, encrypted, a zip bomb (POI's inflate-ratio guard): nothing MARC wrote
            throw new WorkbookRefused(List.of(WorkbookProblem.ofFile(WorkbookProblem.TAMPERED,
                    "The file is not the measure-evaluation workbook (.xlsx) MARC produced")));
        }
        try (workbook) {
            List<WorkbookProblem> problems = new ArrayList<>();
            Meta meta = meta(workbook, registerId, problems);
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                problems.add(WorkbookProblem.ofFile(WorkbookProblem.TAMPERED, "The sheet \"" + SHEET + "\" is missing"));
            } else {
                header(sheet, problems);
            }
            if (!problems.isEmpty() || meta == null) {
                throw new WorkbookRefused(problems); // rows of a changed template or of another register mean nothing
            }
            List<MeasureEvaluation> evaluations = rows(sheet, problems);
            if (problems.isEmpty() && evaluations.isEmpty()) {
                problems.add(WorkbookProblem.ofFile("REQUIRED",
                        "No row is filled in: give Nume, Prenume and Valoare on the rows evaluated"));
            }
            if (!problems.isEmpty()) {
                throw new WorkbookRefused(problems);
            }
            return new Parsed(meta.registerId, meta.planId, meta.edition, evaluations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spreadsheet's column letter (0 → A). */
    public static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    /** The column a command field names (RecordMeasureEvaluations' details.errors[].field), or null. */
    public static String columnOfField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "personName" -> column(NUME);
            case "riskId" -> column(RISK_ID);
            case "measureId", "assessmentId" -> column(MEASURE_ID);
            case "indicatorId" -> column(INDICATOR_ID);
            case "value" -> column(VALUE);
            default -> null;
        };
    }

    // --- writing

    private record Styles(CellStyle header, CellStyle open, CellStyle openValue, CellStyle locked, CellStyle lockedWrapped) {
        Styles(Workbook workbook) {
            this(style(workbook, true, true, false, false), style(workbook, false, false, false, true),
                    style(workbook, false, false, false, false), style(workbook, true, false, false, false),
                    style(workbook, true, false, true, false));
        }

        /** {@code text}: kept as typed (a name); the value cell stays General, so a number is a number for its validation. */
        private static CellStyle style(Workbook workbook, boolean locked, boolean bold, boolean wrapped, boolean text) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(locked);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setWrapText(wrapped);
            if (bold) {
                Font font = workbook.createFont();
                font.setBold(true);
                style.setFont(font);
            }
            if (!locked) {
                // the cells to fill in, shaded so they are seen at once
                style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (text) {
                style.setDataFormat(workbook.createDataFormat().getFormat("@"));
            }
            return style;
        }
    }

    /** The rule of an indicator's Valoare cell: its kind, and the allowed values of a qualitative one. */
    private static List<String> rule(IndicatorView indicator) {
        List<String> key = new ArrayList<>();
        key.add(indicator.kind().name());
        if (indicator.kind() == IndicatorKind.QUALITATIVE) {
            key.addAll(indicator.allowedValues());
        }
        return key;
    }

    static String allowedText(IndicatorView indicator) {
        return switch (indicator.kind()) {
            case NUMERIC -> "un număr";
            case DONE_NOT_DONE -> "1 (realizat) / 0 (nerealizat)";
            case QUALITATIVE -> String.join("; ", indicator.allowedValues());
        };
    }

    private static void validations(XSSFSheet sheet, XSSFSheet meta, Map<List<String>, CellRangeAddressList> rules) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int listColumn = LISTS_FIRST_COLUMN;
        for (Map.Entry<List<String>, CellRangeAddressList> rule : rules.entrySet()) {
            IndicatorKind kind = IndicatorKind.valueOf(rule.getKey().getFirst());
            List<String> values = rule.getKey().subList(1, rule.getKey().size());
            if (kind == IndicatorKind.QUALITATIVE && values.isEmpty()) {
                continue; // nothing to choose from: the import's check answers whatever is typed
            }
            DataValidationConstraint constraint;
            String error;
            switch (kind) {
                case NUMERIC -> {
                    constraint = helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "-999999999999999", "999999999999999");
                    error = "Introduceți un număr";
                }
                case DONE_NOT_DONE -> {
                    constraint = helper.createExplicitListConstraint(new String[]{"1", "0"});
                    error = "Introduceți 1 (realizat) sau 0 (nerealizat)";
                }
                default -> {
                    if (inlineFits(values)) {
                        constraint = helper.createExplicitListConstraint(values.toArray(String[]::new));
                    } else {
                        // too long (or holding a comma) for an inline list: the values on the hidden sheet, one a row
                        for (int i = 0; i < values.size(); i++) {
                            Row row = meta.getRow(i) == null ? meta.createRow(i) : meta.getRow(i);
                            row.createCell(listColumn).setCellValue(values.get(i));
                        }
                        String letter = column(listColumn);
                        constraint = helper.createFormulaListConstraint(
                                META_SHEET + "!$" + letter + "$1:$" + letter + "$" + Math.max(values.size(), 1));
                        listColumn++;
                    }
                    error = "Alegeți una dintre valorile permise (coloana Valori permise)";
                }
            }
            DataValidation validation = helper.createValidation(constraint, rule.getValue());
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Valoare nepermisă", error);
            // XSSF inverts the flag: true shows the drop-down arrow of a list
            validation.setSuppressDropDownArrow(kind != IndicatorKind.NUMERIC);
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }
    }

    private static boolean inlineFits(List<String> values) {
        int length = values.stream().mapToInt(String::length).sum() + Math.max(values.size() - 1, 0);
        return length <= INLINE_LIST_MAX && values.stream().noneMatch(v -> v.contains(",") || v.contains("\""));
    }

    private static void meta(Sheet meta, RegisterView register) {
        List<String> values = List.of(register.registerId().toString(), register.planId().toString(),
                String.valueOf(register.savedEdition()), TEMPLATE_VERSION);
        for (int i = 0; i < META_LABELS.size(); i++) {
            Row row = meta.getRow(i) == null ? meta.createRow(i) : meta.getRow(i);
            row.createCell(0).setCellValue(META_LABELS.get(i));
            row.createCell(1).setCellValue(values.get(i));
        }
    }

    private static void protect(XSSFSheet sheet) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        sheet.protectSheet(HexFormat.of().formatHex(secret));
        // within the protection: columns and rows may be resized, the filter used
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockAutoFilter(false);
        sheet.lockSort(true);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column, CellType.STRING);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    /** Widths by character count, capped (as the questionnaire export: no AWT font metrics). */
    private static void width(Sheet sheet, int column) {
        int widest = 0;
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING) {
                widest = Math.max(widest, cell.getStringCellValue().length());
            }
        }
        int min = column == NUME || column == PRENUME || column == VALUE ? 16 : 8;
        sheet.setColumnWidth(column, (Math.max(Math.min(widest, MAX_WIDTH), min) + 2) * 256);
    }

    // --- reading

    private record Meta(UUID registerId, UUID planId, int edition) {
    }

    private static Meta meta(Workbook workbook, UUID registerId, List<WorkbookProblem> problems) {
        Sheet sheet = workbook.getSheet(META_SHEET);
        if (sheet == null) {
            problems.add(WorkbookProblem.ofFile(WorkbookProblem.TAMPERED,
                    "The hidden sheet \"" + META_SHEET + "\" MARC wrote is missing: download the template again"));
            return null;
        }
        int before = problems.size();
        for (int i = 0; i < META_LABELS.size(); i++) {
            if (!META_LABELS.get(i).equals(text(cell(sheet, i, 0)))) {
                problems.add(metaProblem(i, 0, "changed"));
            }
        }
        UUID readRegister = Uuids.parseOrNull(text(cell(sheet, 0, 1)));
        UUID readPlan = Uuids.parseOrNull(text(cell(sheet, 1, 1)));
        Integer edition = integer(text(cell(sheet, 2, 1)));
        if (readRegister == null) {
            problems.add(metaProblem(0, 1, "no register id"));
        }
        if (readPlan == null) {
            problems.add(metaProblem(1, 1, "no plan id"));
        }
        if (edition == null) {
            problems.add(metaProblem(2, 1, "no edition"));
        }
        if (!TEMPLATE_VERSION.equals(text(cell(sheet, 3, 1)))) {
            problems.add(metaProblem(3, 1, "not template " + TEMPLATE_VERSION));
        }
        if (problems.size() > before) {
            return null;
        }
        if (!readRegister.equals(registerId)) {
            problems.add(new WorkbookProblem(WorkbookProblem.OTHER_REGISTER,
                    "This workbook was made for another register (" + readRegister + "): download this register's template",
                    "file", 1, column(1), META_SHEET));
            return null;
        }
        return new Meta(readRegister, readPlan, edition);
    }

    private static WorkbookProblem metaProblem(int row, int column, String what) {
        return new WorkbookProblem(WorkbookProblem.TAMPERED, "The hidden sheet \"" + META_SHEET + "\" was changed ("
                + column(column) + (row + 1) + ": " + what + "): download the template again", "file", row + 1,
                column(column), META_SHEET);
    }

    private static void header(Sheet sheet, List<WorkbookProblem> problems) {
        Row row = sheet.getRow(0);
        int last = row == null ? -1 : row.getLastCellNum() - 1;
        for (int c = 0; c < Math.max(HEADER.size(), last + 1); c++) {
            String expected = c < HEADER.size() ? HEADER.get(c) : "";
            String found = text(row == null ? null : row.getCell(c));
            if (!expected.equals(found)) {
                problems.add(new WorkbookProblem(WorkbookProblem.TAMPERED, "The header of column " + column(c)
                        + " should be \"" + expected + "\": the template was changed, download it again",
                        "header", 1, column(c), SHEET));
            }
        }
    }

    private static List<MeasureEvaluation> rows(Sheet sheet, List<WorkbookProblem> problems) {
        List<MeasureEvaluation> evaluations = new ArrayList<>();
        if (sheet.getLastRowNum() > MAX_ROWS) {
            problems.add(new WorkbookProblem("TOO_MANY", "The sheet has " + sheet.getLastRowNum() + " rows; at most "
                    + MAX_ROWS + " are imported in one go: download a template of fewer measures", "file",
                    sheet.getLastRowNum() + 1, null, SHEET));
            return evaluations;
        }
        int last = sheet.getLastRowNum();
        for (int r = 1; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String nume = text(row.getCell(NUME));
            String prenume = text(row.getCell(PRENUME));
            String value = text(row.getCell(VALUE));
            if (nume.isEmpty() && prenume.isEmpty() && value.isEmpty()) {
                continue; // an indicator nobody evaluated
            }
            int number = r + 1;
            int before = problems.size();
            required(nume, number, NUME, "personName", problems);
            required(prenume, number, PRENUME, "personName", problems);
            required(value, number, VALUE, "value", problems);
            UUID riskId = id(row, number, RISK_ID, "riskId", problems);
            UUID measureId = id(row, number, MEASURE_ID, "measureId", problems);
            UUID indicatorId = id(row, number, INDICATOR_ID, "indicatorId", problems);
            if (problems.size() == before) {
                evaluations.add(new MeasureEvaluation(riskId, null, measureId, indicatorId, value,
                        prenume + " " + nume, number)); // Nume is the family name: "Ionuț Popescu", as the register shows people
            }
        }
        return evaluations;
    }

    private static void required(String text, int row, int column, String field, List<WorkbookProblem> problems) {
        if (text.isEmpty()) {
            problems.add(new WorkbookProblem("REQUIRED", "Row " + row + ": " + HEADER.get(column) + " (column "
                    + column(column) + ") is required on a row evaluated", field, row, column(column), SHEET));
        }
    }

    private static UUID id(Row row, int number, int column, String field, List<WorkbookProblem> problems) {
        String text = text(row.getCell(column));
        if (text.isEmpty()) {
            problems.add(new WorkbookProblem("REQUIRED", "Row " + number + ": " + HEADER.get(column) + " (column "
                    + column(column) + ") is empty: the template was changed", field, number, column(column), SHEET));
            return null;
        }
        UUID id = Uuids.parseOrNull(text);
        if (id == null) {
            problems.add(new WorkbookProblem(WorkbookProblem.TAMPERED, "Row " + number + ": " + HEADER.get(column)
                    + " (column " + column(column) + ") is not an id MARC wrote: the template was changed", field,
                    number, column(column), SHEET));
        }
        return id;
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    /** A cell as text: a string stripped, a number in plain decimal form (1.0 → "1"), a formula's cached result. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

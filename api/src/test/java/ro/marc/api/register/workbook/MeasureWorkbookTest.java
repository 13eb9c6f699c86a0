package ro.marc.api.register.workbook;

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.register.MeasureEvaluation;
import ro.marc.events.register.MeasureKey;
import ro.marc.events.register.MeasurePeriodicity;
import ro.marc.events.register.RegisterIds;
import ro.marc.query.register.RegisterContent;
import ro.marc.query.register.RegisterViews.IndicatorView;
import ro.marc.query.register.RegisterViews.MeasureView;
import ro.marc.query.register.RegisterViews.RegisterView;
import ro.marc.query.register.RegisterViews.RiskView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A1001: the template as written (cells, locks, drop-downs, the hidden sheet) and the import's reading of a filled copy. */
class MeasureWorkbookTest {

    static final UUID PLAN = UUID.randomUUID();
    static final UUID REGISTER = RegisterIds.of(PLAN);
    static final UUID RISK_A = UUID.randomUUID(), RISK_B = UUID.randomUUID();
    static final UUID ASSESSMENT_1 = UUID.randomUUID(), ASSESSMENT_2 = UUID.randomUUID();
    static final UUID MEASURE_1 = UUID.randomUUID(), MEASURE_2 = UUID.randomUUID(), MEASURE_3 = UUID.randomUUID();
    static final UUID NUMERIC = UUID.randomUUID(), DONE = UUID.randomUUID(), QUALITY = UUID.randomUUID(),
            LONG_LIST = UUID.randomUUID();
    static final List<String> LONG_VALUES = IntStream.range(0, 30).mapToObj(i -> "Nivel de conformitate " + i).toList();

    /** Two risks; risk A: measure 1 (numeric, done/not done), measure 2 of another assessment (qualitative); risk B: measure 3 (a long list). */
    static RegisterView register() {
        MeasureView m1 = measure(ASSESSMENT_1, MEASURE_1, "Instruirea personalului privind conflictul de interese",
                indicator(NUMERIC, "Persoane instruite", IndicatorKind.NUMERIC, List.of()),
                indicator(DONE, "Sesiune ținută", IndicatorKind.DONE_NOT_DONE, List.of()));
        MeasureView m2 = measure(ASSESSMENT_2, MEASURE_2, "Verificarea declarațiilor",
                indicator(QUALITY, "Calitatea verificării", IndicatorKind.QUALITATIVE, List.of("Bine", "Satisfăcător", "Slab")));
        MeasureView m3 = measure(ASSESSMENT_2, MEASURE_3, "Rotația personalului",
                indicator(LONG_LIST, "Conformitate", IndicatorKind.QUALITATIVE, LONG_VALUES));
        RiskView a = new RiskView(RISK_A, "Conflict de interese la achiziții", null, "Achiziții", "Achiziții publice",
                ASSESSMENT_1, null, List.of(), List.of(m1, m2));
        RiskView b = new RiskView(RISK_B, "Abuz în serviciu", null, "Resurse umane", "Resurse umane",
                ASSESSMENT_2, null, List.of(), List.of(m3));
        return new RegisterView(REGISTER, PLAN, "Plan 2027", UUID.randomUUID(), "IPJ Cluj", null, 4, RegisterContent.SAVED,
                null, LocalDate.of(2027, 3, 1), 2, LocalDate.of(2027, 3, 2), "Ana Pop", "123/2027", "Ion Ionescu",
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 12, 31), List.of(a, b), List.of(), List.of(), 3, 0);
    }

    static MeasureView measure(UUID assessmentId, UUID measureId, String description, IndicatorView... indicators) {
        return new MeasureView(assessmentId, measureId, MeasureKind.ADDITIONAL, description, "Șef serviciu", null, false,
                LocalDate.of(2027, 6, 30), MeasurePeriodicity.ONCE, List.of(LocalDate.of(2027, 6, 30)), false, null, null,
                false, false, List.of(indicators));
    }

    static IndicatorView indicator(UUID id, String name, IndicatorKind kind, List<String> allowed) {
        return new IndicatorView(id, name, kind, allowed, List.of(), List.of());
    }

    static XSSFWorkbook open(byte[] content) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(content));
    }

    static byte[] save(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    static List<String> row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < MeasureWorkbook.HEADER.size(); c++) {
            cells.add(MeasureWorkbook.text(row.getCell(c)));
        }
        return cells;
    }

    @Test
    void the_template_has_one_row_per_measure_and_indicator_with_locked_ids_and_open_name_and_value_cells() throws IOException {
        try (XSSFWorkbook workbook = open(MeasureWorkbook.write(register(), List.of()))) {
            XSSFSheet sheet = workbook.getSheet(MeasureWorkbook.SHEET);
            assertThat(workbook.getSheetIndex(sheet)).isZero();
            assertThat(row(sheet, 0)).containsExactly("Nume", "Prenume", "ID risc", "Denumire risc", "ID măsură",
                    "Denumire măsură", "ID indicator", "Indicator", "Valoare", "Valori permise");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(row(sheet, 1)).containsExactly("", "", RISK_A.toString(), "Conflict de interese la achiziții",
                    MEASURE_1.toString(), "Instruirea personalului privind conflictul de interese", NUMERIC.toString(),
                    "Persoane instruite", "", "un număr");
            assertThat(row(sheet, 2)).containsExactly("", "", RISK_A.toString(), "Conflict de interese la achiziții",
                    MEASURE_1.toString(), "Instruirea personalului privind conflictul de interese", DONE.toString(),
                    "Sesiune ținută", "", "1 (realizat) / 0 (nerealizat)");
            assertThat(row(sheet, 3)).containsExactly("", "", RISK_A.toString(), "Conflict de interese la achiziții",
                    MEASURE_2.toString(), "Verificarea declarațiilor", QUALITY.toString(), "Calitatea verificării", "",
                    "Bine; Satisfăcător; Slab");
            assertThat(row(sheet, 4).subList(2, 7)).containsExactly(RISK_B.toString(), "Abuz în serviciu",
                    MEASURE_3.toString(), "Rotația personalului", LONG_LIST.toString());

            // protected: only Nume, Prenume and Valoare can be typed into
            assertThat(sheet.getProtect()).isTrue();
            assertThat(workbook.isStructureLocked()).isTrue();
            for (int r = 1; r <= 4; r++) {
                for (int c = 0; c < MeasureWorkbook.HEADER.size(); c++) {
                    boolean open = c == MeasureWorkbook.NUME || c == MeasureWorkbook.PRENUME || c == MeasureWorkbook.VALUE;
                    assertThat(sheet.getRow(r).getCell(c).getCellStyle().getLocked()).as("row %d column %d", r, c).isEqualTo(!open);
                }
            }
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getLocked()).isTrue();
        }
    }

    @Test
    void the_value_cells_carry_the_allowed_values_as_a_drop_down_and_numbers_a_decimal_rule() throws IOException {
        try (XSSFWorkbook workbook = open(MeasureWorkbook.write(register(), List.of()))) {
            XSSFSheet sheet = workbook.getSheet(MeasureWorkbook.SHEET);
            Map<Integer, XSSFDataValidation> byRow = new HashMap<>();
            for (XSSFDataValidation validation : sheet.getDataValidations()) {
                for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                    assertThat(range.getFirstColumn()).isEqualTo(MeasureWorkbook.VALUE);
                    for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                        byRow.put(r, validation);
                    }
                }
                assertThat(validation.getShowErrorBox()).isTrue();
            }
            assertThat(byRow.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);

            DataValidationConstraint numeric = byRow.get(1).getValidationConstraint();
            assertThat(numeric.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);

            DataValidationConstraint done = byRow.get(2).getValidationConstraint();
            assertThat(done.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(done.getExplicitListValues()).containsExactly("1", "0");
            assertThat(byRow.get(2).getSuppressDropDownArrow()).isTrue(); // XSSF: the arrow is shown

            DataValidationConstraint quality = byRow.get(3).getValidationConstraint();
            assertThat(quality.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(quality.getExplicitListValues()).containsExactly("Bine", "Satisfăcător", "Slab");

            // a list too long for an inline one: its values on the hidden sheet, the rule pointing at them
            DataValidationConstraint longList = byRow.get(4).getValidationConstraint();
            assertThat(longList.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(longList.getFormula1()).isEqualTo("marc!$D$1:$D$30");
            Sheet meta = workbook.getSheet(MeasureWorkbook.META_SHEET);
            assertThat(IntStream.range(0, 30).mapToObj(i -> meta.getRow(i).getCell(3).getStringCellValue()).toList())
                    .isEqualTo(LONG_VALUES);
        }
    }

    @Test
    void a_very_hidden_sheet_names_the_register_the_edition_and_the_template_version() throws IOException {
        try (XSSFWorkbook workbook = open(MeasureWorkbook.write(register(), List.of()))) {
            int index = workbook.getSheetIndex(MeasureWorkbook.META_SHEET);
            assertThat(workbook.getSheetVisibility(index)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            Sheet meta = workbook.getSheetAt(index);
            assertThat(IntStream.range(0, 4).mapToObj(r -> List.of(meta.getRow(r).getCell(0).getStringCellValue(),
                    meta.getRow(r).getCell(1).getStringCellValue())).toList())
                    .containsExactly(List.of("registerId", REGISTER.toString()), List.of("planId", PLAN.toString()),
                            List.of("edition", "2"), List.of("template", MeasureWorkbook.TEMPLATE_VERSION));
            assertThat(((XSSFSheet) meta).getProtect()).isTrue();
        }
    }

    @Test
    void only_the_measures_selected_are_written() throws IOException {
        byte[] content = MeasureWorkbook.write(register(), List.of(new MeasureKey(ASSESSMENT_2, MEASURE_2),
                new MeasureKey(ASSESSMENT_2, MEASURE_3)));
        try (XSSFWorkbook workbook = open(content)) {
            Sheet sheet = workbook.getSheet(MeasureWorkbook.SHEET);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(row(sheet, 1).get(MeasureWorkbook.MEASURE_ID)).isEqualTo(MEASURE_2.toString());
            assertThat(row(sheet, 2).get(MeasureWorkbook.MEASURE_ID)).isEqualTo(MEASURE_3.toString());
        }
    }

    /** Fills rows (1-based as the sheet shows them): nume, prenume, value; a Double value is typed as a number. */
    static byte[] filled(byte[] template, Object[]... rows) throws IOException {
        XSSFWorkbook workbook = open(template);
        Sheet sheet = workbook.getSheet(MeasureWorkbook.SHEET);
        for (Object[] row : rows) {
            Row target = sheet.getRow((Integer) row[0] - 1);
            set(target.getCell(MeasureWorkbook.NUME), row[1]);
            set(target.getCell(MeasureWorkbook.PRENUME), row[2]);
            set(target.getCell(MeasureWorkbook.VALUE), row[3]);
        }
        return save(workbook);
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Double number) {
            cell.setCellValue(number);
        } else if (value != null) {
            cell.setCellValue((String) value);
        }
    }

    @Test
    void a_filled_copy_is_read_into_one_evaluation_per_filled_row_untouched_rows_skipped() throws IOException {
        byte[] content = filled(MeasureWorkbook.write(register(), List.of()),
                new Object[]{2, "Popescu", "Ionuț", 4.0},
                new Object[]{3, " Alexandru ", "Vasile", 1.0},
                new Object[]{5, "Pop", "Maria", "Nivel de conformitate 7"});
        MeasureWorkbook.Parsed parsed = MeasureWorkbook.read(content, REGISTER);
        assertThat(parsed.registerId()).isEqualTo(REGISTER);
        assertThat(parsed.planId()).isEqualTo(PLAN);
        assertThat(parsed.edition()).isEqualTo(2);
        assertThat(parsed.evaluations()).containsExactly(
                new MeasureEvaluation(RISK_A, null, MEASURE_1, NUMERIC, "4", "Ionuț Popescu", 2),
                new MeasureEvaluation(RISK_A, null, MEASURE_1, DONE, "1", "Vasile Alexandru", 3),
                new MeasureEvaluation(RISK_B, null, MEASURE_3, LONG_LIST, "Nivel de conformitate 7", "Maria Pop", 5));
    }

    @Test
    void a_decimal_typed_as_a_number_reads_in_plain_form() throws IOException {
        byte[] content = filled(MeasureWorkbook.write(register(), List.of()), new Object[]{2, "Popescu", "Ionuț", 12.5});
        assertThat(MeasureWorkbook.read(content, REGISTER).evaluations()).extracting(MeasureEvaluation::value).containsExactly("12.5");
    }

    @Test
    void every_empty_required_cell_of_a_filled_row_is_named_by_row_and_column() throws IOException {
        byte[] content = filled(MeasureWorkbook.write(register(), List.of()),
                new Object[]{2, "Popescu", null, 4.0},
                new Object[]{4, "Alexandru", "Vasile", null},
                new Object[]{5, "Pop", "Maria", "Nivel de conformitate 7"});
        assertThatThrownBy(() -> MeasureWorkbook.read(content, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::row, WorkbookProblem::column, WorkbookProblem::field)
                        .containsExactly(tuple("REQUIRED", 2, "B", "personName"), tuple("REQUIRED", 4, "I", "value")));
    }

    @Test
    void a_workbook_with_no_row_filled_is_refused_required() {
        byte[] content = MeasureWorkbook.write(register(), List.of());
        assertThatThrownBy(() -> MeasureWorkbook.read(content, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::field).containsExactly(tuple("REQUIRED", "file")));
    }

    @Test
    void a_changed_header_is_tampering_named_by_its_column() throws IOException {
        XSSFWorkbook workbook = open(filled(MeasureWorkbook.write(register(), List.of()), new Object[]{2, "Popescu", "Ionuț", 4.0}));
        Row header = workbook.getSheet(MeasureWorkbook.SHEET).getRow(0);
        header.getCell(3).setCellValue("Risc");
        header.createCell(10).setCellValue("Observații");
        byte[] content = save(workbook);
        assertThatThrownBy(() -> MeasureWorkbook.read(content, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::row, WorkbookProblem::column)
                        .containsExactly(tuple("WORKBOOK_TAMPERED", 1, "D"), tuple("WORKBOOK_TAMPERED", 1, "K")));
    }

    @Test
    void a_changed_or_removed_hidden_sheet_is_tampering() throws IOException {
        XSSFWorkbook changed = open(filled(MeasureWorkbook.write(register(), List.of()), new Object[]{2, "Popescu", "Ionuț", 4.0}));
        changed.getSheet(MeasureWorkbook.META_SHEET).getRow(3).getCell(1).setCellValue("A1001/0");
        byte[] content = save(changed);
        assertThatThrownBy(() -> MeasureWorkbook.read(content, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::sheet, WorkbookProblem::row, WorkbookProblem::column)
                        .containsExactly(tuple("WORKBOOK_TAMPERED", "marc", 4, "B")));

        XSSFWorkbook removed = open(MeasureWorkbook.write(register(), List.of()));
        removed.removeSheetAt(removed.getSheetIndex(MeasureWorkbook.META_SHEET));
        byte[] without = save(removed);
        assertThatThrownBy(() -> MeasureWorkbook.read(without, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::field).containsExactly(tuple("WORKBOOK_TAMPERED", "file")));
    }

    @Test
    void an_id_cell_overwritten_with_something_else_is_tampering_of_that_cell() throws IOException {
        XSSFWorkbook workbook = open(filled(MeasureWorkbook.write(register(), List.of()), new Object[]{3, "Popescu", "Ionuț", 1.0}));
        workbook.getSheet(MeasureWorkbook.SHEET).getRow(2).getCell(MeasureWorkbook.INDICATOR_ID).setCellValue("indicatorul meu");
        byte[] content = save(workbook);
        assertThatThrownBy(() -> MeasureWorkbook.read(content, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::row, WorkbookProblem::column)
                        .containsExactly(tuple("WORKBOOK_TAMPERED", 3, "G")));
    }

    @Test
    void another_registers_workbook_is_refused_as_such() throws IOException {
        byte[] content = filled(MeasureWorkbook.write(register(), List.of()), new Object[]{2, "Popescu", "Ionuț", 4.0});
        assertThatThrownBy(() -> MeasureWorkbook.read(content, RegisterIds.of(UUID.randomUUID())))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code).containsExactly("WORKBOOK_OF_OTHER_REGISTER"));
    }

    @Test
    void a_file_that_is_not_an_xlsx_is_refused_as_not_the_template() {
        assertThatThrownBy(() -> MeasureWorkbook.read("Nume,Prenume\nPopescu,Ionuț\n".getBytes(), REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::field, WorkbookProblem::row)
                        .containsExactly(tuple("WORKBOOK_TAMPERED", "file", null)));
        assertThatThrownBy(() -> MeasureWorkbook.read(new byte[0], REGISTER)).isInstanceOf(WorkbookRefused.class);
    }

    @Test
    void more_rows_than_one_import_takes_are_refused_too_many() throws IOException {
        XSSFWorkbook workbook = open(filled(MeasureWorkbook.write(register(), List.of()), new Object[]{2, "Popescu", "Ionuț", 4.0}));
        workbook.getSheet(MeasureWorkbook.SHEET).createRow(MeasureWorkbook.MAX_ROWS + 1).createCell(0).setCellValue("Pop");
        byte[] content = save(workbook);
        assertThatThrownBy(() -> MeasureWorkbook.read(content, REGISTER))
                .isInstanceOfSatisfying(WorkbookRefused.class, e -> assertThat(e.problems())
                        .extracting(WorkbookProblem::code, WorkbookProblem::row).containsExactly(tuple("TOO_MANY", 5_002)));
    }

    @Test
    void the_commands_fields_map_to_the_workbook_columns() {
        assertThat(MeasureWorkbook.columnOfField("personName")).isEqualTo("A");
        assertThat(MeasureWorkbook.columnOfField("riskId")).isEqualTo("C");
        assertThat(MeasureWorkbook.columnOfField("measureId")).isEqualTo("E");
        assertThat(MeasureWorkbook.columnOfField("indicatorId")).isEqualTo("G");
        assertThat(MeasureWorkbook.columnOfField("value")).isEqualTo("I");
        assertThat(MeasureWorkbook.columnOfField("evaluations")).isNull();
    }
}

package ro.marc.api.register.workbook;

import org.junit.jupiter.api.Test;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.web.GraphQlErrorResponse;
import ro.marc.command.common.CommandRejected;
import ro.marc.events.register.MeasureKey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the import answers: the command's row problems with their columns, other refusals as one error; the measure selection. */
class MeasureWorkbookErrorsTest {

    @Test
    void each_of_the_commands_row_problems_is_one_error_with_its_row_and_the_column_of_its_field() {
        CommandRejected rejected = new CommandRejected(CommandRejected.Reason.INVALID, "evaluations[0].measureId",
                "UNKNOWN_MEASURE", "2 evaluations are refused", Map.of("errors", List.of(
                Map.of("index", 0, "row", 7, "field", "measureId", "code", "UNKNOWN_MEASURE", "message", "The measure x is not in the register"),
                Map.of("index", 3, "row", 12, "field", "value", "code", "VALUE_NOT_OF_KIND", "message", "takes a number"),
                Map.of("index", 4, "row", 13, "field", "personName", "code", "PERSONAL_DATA", "message", "no personal data"))));
        List<Map<String, Object>> errors = MeasureWorkbookController.errors(rejected);
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).containsEntry("message", "The measure x is not in the register");
        assertThat(errors.get(0).get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "code", "UNKNOWN_MEASURE",
                "field", "measureId", "row", 7, "column", "E", "index", 0));
        assertThat(errors.get(1).get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "code", "VALUE_NOT_OF_KIND",
                "field", "value", "row", 12, "column", "I", "index", 3));
        assertThat(errors.get(2).get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "code", "PERSONAL_DATA",
                "field", "personName", "row", 13, "column", "A", "index", 4));
        assertThat(GraphQlErrorResponse.status(rejected.reason())).isEqualTo(400);
    }

    @Test
    void a_refusal_without_row_problems_is_one_error_with_its_field_and_details() {
        CommandRejected rejected = new CommandRejected(CommandRejected.Reason.CONFLICT, "registerId", "NOT_SAVED",
                "The register has no saved edition", Map.of("registerId", "r"));
        List<Map<String, Object>> errors = MeasureWorkbookController.errors(rejected);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().get("extensions")).isEqualTo(Map.of("classification", "CONFLICT", "code", "NOT_SAVED",
                "field", "registerId", "registerId", "r"));
        assertThat(GraphQlErrorResponse.status(rejected.reason())).isEqualTo(409);
    }

    @Test
    void the_reader_s_problems_keep_their_sheet() {
        Map<String, Object> error = MeasureWorkbookController.error(new WorkbookProblem(WorkbookProblem.TAMPERED, "changed",
                "file", 4, "B", MeasureWorkbook.META_SHEET));
        assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "code", "WORKBOOK_TAMPERED",
                "field", "file", "row", 4, "column", "B", "sheet", "marc"));
    }

    @Test
    void measures_are_selected_as_assessment_colon_measure() {
        UUID assessment = UUID.randomUUID(), measure = UUID.randomUUID();
        assertThat(MeasureWorkbookController.selection(null)).isEmpty();
        assertThat(MeasureWorkbookController.selection(List.of(assessment + ":" + measure, assessment + ":" + measure)))
                .containsExactly(new MeasureKey(assessment, measure));
        for (String bad : List.of(measure.toString(), assessment + ":", assessment + ":" + measure + ":x", "a:b")) {
            assertThatThrownBy(() -> MeasureWorkbookController.selection(List.of(bad)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.code()).isEqualTo("MALFORMED_ID");
                        assertThat(e.field()).isEqualTo("measure");
                    });
        }
    }
}

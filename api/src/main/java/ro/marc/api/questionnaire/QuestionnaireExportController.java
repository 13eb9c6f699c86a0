package ro.marc.api.questionnaire;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ro.marc.api.authorization.AccessDenied;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.query.org.OrgUnitView;
import ro.marc.query.questionnaire.QuestionnaireQueries;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerView;
import ro.marc.query.questionnaire.QuestionnaireViews.VersionView;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /exports/questionnaire-answers.xlsx?orgUnitId=...} (UCA 88, §2.2.1 b): every answer of the structure
 * and of the structures below it, within the caller's reach for QUESTIONNAIRE_ANSWERS_READ (heads and integrity
 * counsellors: their structure's subtree; territorial administrators: their counties; central administrators and
 * auditors: any). Authenticated with the same bearer token as GraphQL; refused: 403 with a JSON body; an unknown
 * structure: 404; a malformed id: 400.
 */
@RestController
public class QuestionnaireExportController {

    public static final String PATH = "/exports/questionnaire-answers.xlsx";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final QuestionnaireQueries queries;
    private final AccessPolicy access;

    public QuestionnaireExportController(QuestionnaireQueries queries, AccessPolicy access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping(PATH)
    public ResponseEntity<?> export(@RequestParam(name = "orgUnitId", required = false) String orgUnitId) {
        UUID unit;
        OrgUnitView view;
        try {
            unit = Inputs.id("orgUnitId", orgUnitId);
            if (unit == null) {
                throw new InvalidInput("orgUnitId", "REQUIRED", "orgUnitId is required");
            }
            view = access.requireOrgUnit(Permission.QUESTIONNAIRE_ANSWERS_READ, "exportQuestionnaireAnswers", unit);
        } catch (InvalidInput e) {
            return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
        } catch (AccessDenied e) {
            return error(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
        }
        if (view == null) {
            return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Org unit " + unit + " does not exist");
        }
        List<AnswerView> answers;
        try {
            // every answer of the subtree, not a page (hard bound: QuestionnaireQueries.MAX_EXPORT)
            answers = queries.answersOf(unit, true, null, access.scope(Permission.QUESTIONNAIRE_ANSWERS_READ));
        } catch (QuestionnaireQueries.TooManyAnswers e) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_ANSWERS", e.getMessage());
        }
        Map<Integer, VersionView> versions = new HashMap<>();
        queries.versions().forEach(v -> versions.put(v.version(), v));
        byte[] body = QuestionnaireAnswersWorkbook.write(answers, versions);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("raspunsuri-anexa-2-" + view.name() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "message", message == null ? "" : message));
    }
}

package ro.marc.api.questionnaire;

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerItemView;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerView;
import ro.marc.query.questionnaire.QuestionnaireViews.QuestionView;
import ro.marc.query.questionnaire.QuestionnaireViews.VersionView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * The .xlsx of questionnaire answers (UCA 88), with Apache POI: one sheet, one row per answered question of
 * each answer (structure, respondent, status, questionnaire version, question number and text, answer,
 * finalised at), a bold header row kept frozen, columns sized to their content (at most {@value #MAX_WIDTH}
 * characters; longer texts wrap).
 */
final class QuestionnaireAnswersWorkbook {

    static final String SHEET = "Răspunsuri Anexa 2";
    static final List<String> HEADER = List.of("Structura", "Respondent", "Stare", "Versiunea chestionarului", "Nr.",
            "Întrebarea", "Răspunsul", "Finalizat la");
    static final int MAX_WIDTH = 80;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Bucharest"));

    private QuestionnaireAnswersWorkbook() {
    }

    static byte[] write(List<AnswerView> answers, Map<Integer, VersionView> versions) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);

            Row first = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (AnswerView answer : answers) {
                VersionView version = versions.get(answer.questionnaireVersion());
                List<QuestionView> questions = version == null ? List.of() : version.questions();
                Map<UUID, AnswerItemView> items = new HashMap<>();
                answer.answers().forEach(a -> items.put(a.questionId(), a));
                for (QuestionView question : questions) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, answer.orgUnitName(), wrapped);
                    text(row, 1, answer.respondentName(), wrapped);
                    text(row, 2, answer.finalised() ? "Finalizat" : "Ciornă", null);
                    row.createCell(3).setCellValue(answer.questionnaireVersion());
                    row.createCell(4).setCellValue(question.position() + 1);
                    text(row, 5, question.text(), wrapped);
                    text(row, 6, answerText(question, items.get(question.id())), wrapped);
                    text(row, 7, answer.finalisedAt() == null ? "" : AT.format(answer.finalisedAt()), null);
                }
            }
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(r - 1, 0), 0, HEADER.size() - 1));
            for (int c = 0; c < HEADER.size(); c++) {
                autosize(sheet, c);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Da" / "Nu" (with the comment after a dash) for yes/no questions; the text for the others; empty when unanswered. */
    static String answerText(QuestionView question, AnswerItemView item) {
        if (item == null) {
            return "";
        }
        String comment = item.text() == null ? "" : item.text();
        if (!"YES_NO".equals(question.kind()) || item.yes() == null) {
            return comment;
        }
        String choice = item.yes() ? "Da" : "Nu";
        return comment.isEmpty() ? choice : choice + " — " + comment;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /**
     * Widths by character count, capped: POI's autoSizeColumn measures with AWT font metrics, which loads the
     * fonts on the first export (seconds) and scans every cell per column; a count is instant and predictable.
     */
    private static void autosize(Sheet sheet, int column) {
        DataFormatter formatter = new DataFormatter();
        int widest = 0;
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null) {
                for (String line : formatter.formatCellValue(cell).split("\n")) {
                    widest = Math.max(widest, line.length());
                }
            }
        }
        sheet.setColumnWidth(column, (Math.min(widest, MAX_WIDTH) + 2) * 256);
    }
}

package ro.marc.query.questionnaire;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Sql;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerItemView;
import ro.marc.query.questionnaire.QuestionnaireViews.AnswerView;
import ro.marc.query.questionnaire.QuestionnaireViews.QuestionView;
import ro.marc.query.questionnaire.QuestionnaireViews.VersionView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.*;

/**
 * Reads the questionnaire read model ({@link QuestionnaireReadModelProjection}). The answers of a structure
 * (and below) are filtered by the caller's reach over the org tree's materialised paths ({@link OrgScope#sql}).
 */
@Component
public class QuestionnaireQueries {

    /** At most this many answers per list (and export). */
    public static final int MAX_ANSWERS = 5000;

    private static final String ANSWER_COLUMNS = """
            a.id, a.plan_id, a.org_unit_id, a.org_unit_name, a.respondent_user_id, a.respondent_name,
            a.questionnaire_version, a.status, a.version, a.started_at, a.updated_at, a.finalised_at""";

    private final JdbcClient jdbc;

    public QuestionnaireQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest published version, or empty before the first. */
    public Optional<VersionView> current() {
        return jdbc.sql("SELECT max(version) FROM questionnaire_version").query(Integer.class).optional()
                .flatMap(this::version);
    }

    public Optional<VersionView> version(int version) {
        return versions(List.of(version)).stream().findFirst();
    }

    /** Every published version, newest first. */
    public List<VersionView> versions() {
        List<Integer> numbers = jdbc.sql("SELECT version FROM questionnaire_version ORDER BY version DESC").query(Integer.class).list();
        return versions(numbers);
    }

    private List<VersionView> versions(Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<QuestionView>> questions = new HashMap<>();
        jdbc.sql("""
                        SELECT version, position, question_id, text, help, kind FROM questionnaire_question
                         WHERE version = ANY(?) ORDER BY version, position""")
                .param(numbers.toArray(Integer[]::new))
                .query((rs, n) -> {
                    questions.computeIfAbsent(rs.getInt("version"), v -> new ArrayList<>()).add(new QuestionView(
                            rs.getObject("question_id", UUID.class), rs.getInt("position"), rs.getString("text"),
                            rs.getString("help"), rs.getString("kind")));
                    return null;
                }).list();
        List<VersionView> found = new ArrayList<>();
        jdbc.sql("SELECT version, published_at FROM questionnaire_version WHERE version = ANY(?) ORDER BY version DESC")
                .param(numbers.toArray(Integer[]::new))
                .query((rs, n) -> found.add(new VersionView(rs.getInt("version"), instant(rs, "published_at"),
                        List.copyOf(questions.getOrDefault(rs.getInt("version"), List.of()))))).list();
        return found;
    }

    public Optional<AnswerView> answer(UUID answerId) {
        return answers("a.id = ?", List.of(answerId)).stream().findFirst();
    }

    /** The respondent's answer under the plan, or empty when they have not saved one yet. */
    public Optional<AnswerView> answerOf(UUID planId, UUID respondentUserId) {
        return answer(QuestionnaireIds.answerId(planId, respondentUserId));
    }

    /**
     * The answers of the org unit (and, with {@code includeBelow}, of every structure below it), optionally
     * under one plan, within the caller's {@code scope}: by structure, then respondent.
     */
    public List<AnswerView> answersOf(UUID orgUnitId, boolean includeBelow, UUID planId, OrgScope scope) {
        List<Object> params = new ArrayList<>();
        String where;
        if (includeBelow) {
            String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(orgUnitId).query(String.class).optional().orElse(null);
            if (path == null) {
                return List.of();
            }
            where = "o.path LIKE ?";
            params.add(Sql.likePrefix(path));
        } else {
            where = "a.org_unit_id = ?";
            params.add(orgUnitId);
        }
        if (planId != null) {
            where += " AND a.plan_id = ?";
            params.add(planId);
        }
        where += " AND " + scope.sql("o", params);
        return answers(where, params);
    }

    /** The answers among {@code ids} within the caller's scope, in the order of {@code ids} (search hits). */
    public List<AnswerView> answersByIds(List<UUID> ids, OrgScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(UUID[]::new));
        String where = "a.id = ANY(?) AND " + scope.sql("o", params);
        Map<UUID, AnswerView> byId = new HashMap<>();
        answers(where, params).forEach(a -> byId.put(a.id(), a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<AnswerView> answers(String where, List<Object> params) {
        List<AnswerView> rows = jdbc.sql("SELECT " + ANSWER_COLUMNS + """
                         FROM questionnaire_answer a LEFT JOIN org_unit o ON o.id = a.org_unit_id
                        WHERE\s""" + where + """
                        
                        ORDER BY a.org_unit_name, a.respondent_name, a.id LIMIT\s""" + MAX_ANSWERS)
                .params(params)
                .query((rs, n) -> new AnswerView(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("org_unit_id", UUID.class), rs.getString("org_unit_name"),
                        rs.getObject("respondent_user_id", UUID.class), rs.getString("respondent_name"),
                        rs.getInt("questionnaire_version"), rs.getString("status"), rs.getLong("version"),
                        instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "finalised_at"), List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<AnswerItemView>> items = new HashMap<>();
        jdbc.sql("SELECT answer_id, question_id, text, yes FROM questionnaire_answer_item WHERE answer_id = ANY(?) ORDER BY answer_id, position")
                .param(rows.stream().map(AnswerView::id).toArray(UUID[]::new))
                .query((rs, n) -> items.computeIfAbsent(rs.getObject("answer_id", UUID.class), k -> new ArrayList<>())
                        .add(new AnswerItemView(rs.getObject("question_id", UUID.class), rs.getString("text"),
                                (Boolean) rs.getObject("yes")))).list();
        return rows.stream().map(a -> new AnswerView(a.id(), a.planId(), a.orgUnitId(), a.orgUnitName(), a.respondentUserId(),
                a.respondentName(), a.questionnaireVersion(), a.status(), a.version(), a.startedAt(), a.updatedAt(),
                a.finalisedAt(), List.copyOf(items.getOrDefault(a.id(), List.of())))).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

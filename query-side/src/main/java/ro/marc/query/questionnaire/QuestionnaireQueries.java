package ro.marc.query.questionnaire;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ro.marc.events.questionnaire.QuestionnaireIds;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.common.ReadSnapshot;
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
@ReadSnapshot
public class QuestionnaireQueries {

    /** The export reads this many answers per query. */
    static final int EXPORT_BATCH = 1000;
    /** The export's hard bound: the workbook is built in memory. */
    public static final int MAX_EXPORT = 100_000;
    /** The order of the paged list (and of the export), null names first as empty: its keyset. */
    private static final String SORT_KEY = "coalesce(a.org_unit_name, ''), coalesce(a.respondent_name, ''), a.id";

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
        return answers("a.id = ?", List.of(answerId), "").stream().findFirst();
    }

    /** The respondent's answer under the plan, or empty when they have not saved one yet. */
    public Optional<AnswerView> answerOf(UUID planId, UUID respondentUserId) {
        return answer(QuestionnaireIds.answerId(planId, respondentUserId));
    }

    /**
     * Every answer of the org unit (and, with {@code includeBelow}, of every structure below it), optionally
     * under one plan, within the caller's {@code scope}: by structure, then respondent. Not a page: the .xlsx
     * export reads the whole subtree, {@value #EXPORT_BATCH} rows at a time by keyset; the hard bound is
     * {@value #MAX_EXPORT} answers (beyond it {@link TooManyAnswers}, never a silently cut list).
     */
    public List<AnswerView> answersOf(UUID orgUnitId, boolean includeBelow, UUID planId, OrgScope scope) {
        List<AnswerView> all = new ArrayList<>();
        String after = null;
        while (true) {
            Page<AnswerView> page = answersPage(orgUnitId, includeBelow, planId, null, scope, EXPORT_BATCH, after);
            all.addAll(page.items());
            if (all.size() > MAX_EXPORT) {
                throw new TooManyAnswers(MAX_EXPORT);
            }
            if (!page.hasNextPage()) {
                return all;
            }
            after = page.endCursor();
        }
    }

    /**
     * One page of the answers of the org unit (and, with {@code includeBelow}, below it), optionally under one
     * plan, within the caller's {@code scope}. {@code matching} null: by structure, then respondent, then id
     * (a keyset cursor on those); else only the answers among {@code matching}, in its order (search
     * relevance; an offset cursor into that bounded list).
     *
     * @throws InvalidCursor when {@code after} is not a cursor of this list
     */
    public Page<AnswerView> answersPage(UUID orgUnitId, boolean includeBelow, UUID planId, List<UUID> matching,
                                        OrgScope scope, int first, String after) {
        String[] key = after == null || matching != null ? null : Cursor.decode(after, 3);
        UUID afterId = key == null ? null : Cursor.uuid(after, key[2]);
        int offset = after == null || matching == null ? 0 : Cursor.offset(after, Cursor.decode(after, 1)[0]);
        List<Object> params = new ArrayList<>();
        String where = subtreeWhere(orgUnitId, includeBelow, planId, matching, scope, params);
        if (where == null) {
            return new Page<>(List.of(), List.of(), false);
        }
        String tail;
        if (matching != null) {
            tail = " ORDER BY array_position(?, a.id), a.id OFFSET ? LIMIT ?";
            params.add(matching.toArray(UUID[]::new));
            params.add(offset);
        } else {
            if (key != null) {
                where += " AND (" + SORT_KEY + ") > (?, ?, ?)";
                params.add(key[0]);
                params.add(key[1]);
                params.add(afterId);
            }
            tail = " ORDER BY " + SORT_KEY + " LIMIT ?";
        }
        params.add(first + 1);
        List<AnswerView> rows = answers(where, params, tail);
        if (matching != null) {
            return Page.of(numbered(rows, offset), first, r -> Cursor.encode(String.valueOf(r.getKey())), Map.Entry::getValue);
        }
        return Page.of(rows, first, a -> Cursor.encode(nonNull(a.orgUnitName()), nonNull(a.respondentName()), a.id().toString()));
    }

    /** How many answers {@link #answersPage} pages through (the same arguments). */
    public int countAnswers(UUID orgUnitId, boolean includeBelow, UUID planId, List<UUID> matching, OrgScope scope) {
        List<Object> params = new ArrayList<>();
        String where = subtreeWhere(orgUnitId, includeBelow, planId, matching, scope, params);
        if (where == null) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM questionnaire_answer a LEFT JOIN org_unit o ON o.id = a.org_unit_id WHERE " + where)
                .params(params).query(Integer.class).single();
    }

    /** The conditions of the subtree's answers (null: nothing can match, e.g. the org unit is unknown). */
    private String subtreeWhere(UUID orgUnitId, boolean includeBelow, UUID planId, List<UUID> matching, OrgScope scope,
                                List<Object> params) {
        if (matching != null && matching.isEmpty()) {
            return null;
        }
        String where;
        if (includeBelow) {
            String path = jdbc.sql("SELECT path FROM org_unit WHERE id = ?").param(orgUnitId).query(String.class).optional().orElse(null);
            if (path == null) {
                return null;
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
        if (matching != null) {
            where += " AND a.id = ANY(?)";
            params.add(matching.toArray(UUID[]::new));
        }
        return where + " AND " + scope.sql("o", params);
    }

    private static <T> List<Map.Entry<Integer, T>> numbered(List<T> rows, int offset) {
        List<Map.Entry<Integer, T>> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(Map.entry(offset + i + 1, rows.get(i)));
        }
        return numbered;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The export's structure is larger than {@link #MAX_EXPORT} answers. */
    public static class TooManyAnswers extends RuntimeException {
        public TooManyAnswers(int limit) {
            super("The structure and those below it have more than " + limit + " answers; export a structure lower in the tree");
        }
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
        answers(where, params, "").forEach(a -> byId.put(a.id(), a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The answers matching {@code where}, with their items; {@code tail}: ORDER BY, OFFSET and LIMIT. */
    private List<AnswerView> answers(String where, List<Object> params, String tail) {
        List<AnswerView> rows = jdbc.sql("SELECT " + ANSWER_COLUMNS + """
                         FROM questionnaire_answer a LEFT JOIN org_unit o ON o.id = a.org_unit_id
                        WHERE\s""" + where + tail)
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

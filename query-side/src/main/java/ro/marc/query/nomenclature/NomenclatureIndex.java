package ro.marc.query.nomenclature;

import ro.marc.query.search.IndexLifecycle;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * The Elasticsearch index of the nomenclature ({@code <prefix>-nomenclature}): one document per
 * catalogue entry (kind ACTIVITY, TASK, DOCUMENT, RISK, CAUSE) plus one small document per domain
 * (kind DOMAIN, which item searches leave out unless asked for). The mapping is strict.
 *
 * <p>Text is searched through folded fields ({@link ro.marc.events.text.RomanianText#fold}); they
 * are all copied into {@link #TEXT_FOLDED}, which decides <em>whether</em> an entry matches (every
 * word, in any of its text fields), while the individual fields decide the ranking (the name ×3).
 * Sort keys ({@code *Sort}) are folded lower-case keywords, so "Ă" sorts with "a".
 * Facet keys ({@code facet*}) are {@code id + U+001F + name} keywords: one terms aggregation gives
 * both the id and the name of a bucket.
 */
public class NomenclatureIndex {

    public static final String KIND = "kind";
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String NAME_SORT = "nameSort";
    public static final String NAME_FOLDED = "nameFolded";
    public static final String DESCRIPTION = "description";
    public static final String DESCRIPTION_FOLDED = "descriptionFolded";
    /** Regulatory causes only: the folded act title, corruption factors, threats and recommendations. */
    public static final String CAUSE_TEXT_FOLDED = "causeTextFolded";
    public static final String TEXT_FOLDED = "textFolded";
    public static final String STATUS = "status";
    public static final String ACTIVITY_ID = "activityId";
    public static final String ACTIVITY_NAME = "activityName";
    public static final String ACTIVITY_NAME_SORT = "activityNameSort";
    public static final String TASK_ID = "taskId";
    public static final String TASK_NAME = "taskName";
    public static final String DOMAIN_ID = "domainId";
    public static final String DOMAIN_NAME = "domainName";
    public static final String PARENT_DOMAIN_ID = "parentDomainId";
    public static final String WORK_UNIT_IDS = "workUnitIds";
    public static final String WORK_UNIT_NAMES = "workUnitNames";
    public static final String WORK_UNIT_SORT = "workUnitSort";
    public static final String PROPOSER_USER_ID = "proposerUserId";
    public static final String PROPOSER_ORG_UNIT_ID = "proposerOrgUnitId";
    public static final String PROPOSER_COUNTY = "proposerCounty";
    public static final String PERIODICITY = "periodicity";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** The entry's own version in the nomenclature aggregate (optimistic concurrency of its commands). */
    public static final String VERSION = "version";
    public static final String FACET_WORK_UNITS = "facetWorkUnits";
    public static final String FACET_DOMAIN = "facetDomain";
    public static final String FACET_ACTIVITY = "facetActivity";

    /** Separates id and name in facet keys. */
    public static final char FACET_SEPARATOR = '\u001f';

    public static final String KIND_DOMAIN = "DOMAIN";
    public static final String KIND_CAUSE = "CAUSE";

    private final ElasticsearchClient client;
    private final String name;

    public NomenclatureIndex(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.name = prefix + "-nomenclature";
    }

    public String name() {
        return name;
    }

    /** Creates the index when it does not exist yet; an existing one (and its documents) is kept. */
    public void ensureCreated() {
        TypeMapping mapping = TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties(KIND, p -> p.keyword(k -> k))
                .properties(ID, p -> p.keyword(k -> k))
                .properties(NAME, p -> p.text(t -> t.fields("sort", f -> f.keyword(k -> k.ignoreAbove(1024)))))
                .properties(NAME_SORT, p -> p.keyword(k -> k.ignoreAbove(1024)))
                .properties(NAME_FOLDED, p -> p.text(t -> t.copyTo(TEXT_FOLDED)))
                .properties(DESCRIPTION, p -> p.text(t -> t.index(false)))
                .properties(DESCRIPTION_FOLDED, p -> p.text(t -> t.copyTo(TEXT_FOLDED)))
                .properties(CAUSE_TEXT_FOLDED, p -> p.text(t -> t.copyTo(TEXT_FOLDED)))
                .properties(TEXT_FOLDED, p -> p.text(t -> t))
                .properties(STATUS, p -> p.keyword(k -> k))
                .properties(ACTIVITY_ID, p -> p.keyword(k -> k))
                .properties(ACTIVITY_NAME, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(ACTIVITY_NAME_SORT, p -> p.keyword(k -> k.ignoreAbove(1024)))
                .properties(TASK_ID, p -> p.keyword(k -> k))
                .properties(TASK_NAME, p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties(DOMAIN_ID, p -> p.keyword(k -> k))
                .properties(DOMAIN_NAME, p -> p.keyword(k -> k))
                .properties(PARENT_DOMAIN_ID, p -> p.keyword(k -> k))
                .properties(WORK_UNIT_IDS, p -> p.keyword(k -> k))
                .properties(WORK_UNIT_NAMES, p -> p.keyword(k -> k))
                .properties(WORK_UNIT_SORT, p -> p.keyword(k -> k.ignoreAbove(1024)))
                .properties(PROPOSER_USER_ID, p -> p.keyword(k -> k))
                .properties(PROPOSER_ORG_UNIT_ID, p -> p.keyword(k -> k))
                .properties(PROPOSER_COUNTY, p -> p.keyword(k -> k))
                .properties(PERIODICITY, p -> p.keyword(k -> k))
                .properties(CREATED_AT, p -> p.date(d -> d))
                .properties(UPDATED_AT, p -> p.date(d -> d))
                .properties(VERSION, p -> p.long_(l -> l))
                .properties(FACET_WORK_UNITS, p -> p.keyword(k -> k.index(false)))
                .properties(FACET_DOMAIN, p -> p.keyword(k -> k.index(false)))
                .properties(FACET_ACTIVITY, p -> p.keyword(k -> k.index(false))));
        IndexLifecycle.createIfMissing(client, name, mapping);
    }

    /** Deletes the index (a rebuild: reset the processing group's token and replay). */
    public void delete() {
        IndexLifecycle.delete(client, name);
    }
}

package ro.marc.query.org;

/**
 * One search result. {@code highlightedName} is the original name (diacritics kept) with the
 * matched words wrapped in {@code <em>}.
 */
public record SearchHit(String kind, String id, String name, String highlightedName, double score,
                        Integer level, String county, Boolean active, String parentId) {
}

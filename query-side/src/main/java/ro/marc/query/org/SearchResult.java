package ro.marc.query.org;

import java.util.List;

public record SearchResult(List<SearchHit> hits, List<String> cursors, long total, boolean hasNextPage) {
}

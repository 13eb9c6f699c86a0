package ro.marc.query.org;

import java.util.List;

/** An org unit as indexed for search; {@code ancestorIds} (root first) makes subtree filters one term query. */
public record OrgUnitDocument(String kind, String id, String name, String nameFolded, String parentId,
                              List<String> ancestorIds, int level, String county, boolean active,
                              List<String> workUnitIds, long version) {

    public static final String KIND = "ORG_UNIT";
}

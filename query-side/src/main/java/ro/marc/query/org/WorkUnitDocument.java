package ro.marc.query.org;

/** A catalogue work unit as indexed for search. */
public record WorkUnitDocument(String kind, String id, String name, String nameFolded, boolean retired, long version) {

    public static final String KIND = "WORK_UNIT";
}

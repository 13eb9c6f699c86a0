package ro.marc.query.plan;

/** A plan as indexed for search: its purpose (and the folded purpose, which is searched), org unit and status. */
public record PlanDocument(String kind, String id, String name, String nameFolded, String orgUnitId, String status,
                           long version) {

    public static final String KIND = "PLAN";
}

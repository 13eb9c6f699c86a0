package ro.marc.query.incident;

/** The list's order; ties are broken by id, so the keyset cursor is total. */
public record IncidentSort(Field field, boolean descending) {

    public enum Field { INCIDENT_DATE, FILE_REGISTERED_ON, TITLE, COUNTY, ORG_UNIT, TYPE, RECORDED_AT }

    /** Newest incident first. */
    public static IncidentSort byDefault() {
        return new IncidentSort(Field.INCIDENT_DATE, true);
    }
}

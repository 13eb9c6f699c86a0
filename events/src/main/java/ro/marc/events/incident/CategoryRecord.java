package ro.marc.events.incident;

import java.util.List;

/**
 * What a risk link records for one category of personnel: one entry per person involved, and the up to five
 * additional free-text fields of change request I01 ({@code additionalFields}, in the order entered; blank
 * ones are dropped by the command side).
 */
public record CategoryRecord(PersonCategory category, List<InvolvedPerson> persons, List<String> additionalFields) {

    public static final int MAX_ADDITIONAL_FIELDS = 5;

    public CategoryRecord {
        persons = persons == null ? List.of() : List.copyOf(persons);
        additionalFields = additionalFields == null ? List.of() : List.copyOf(additionalFields);
    }
}

package ro.marc.events.methodology;

/** Why a methodology version cannot be published: the field as the API spells it, a code, a sentence. */
public record MethodologyProblem(String field, String code, String message) {
}

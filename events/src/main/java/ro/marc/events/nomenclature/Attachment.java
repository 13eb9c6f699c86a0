package ro.marc.events.nomenclature;

/** A file attached to a vulnerable activity (e.g. a working procedure): its name and where it is kept. */
public record Attachment(String name, String reference) {
}

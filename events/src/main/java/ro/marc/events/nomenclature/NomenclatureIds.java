package ro.marc.events.nomenclature;

/**
 * The shared nomenclatures (domains, vulnerable activities with their tasks, documents and risks,
 * reference lists, regulatory causes) form one consistency boundary: names unique under their
 * parent, "associate only to a domain without subdomains" (G02), "decide only on a live parent"
 * span many entries, so one aggregate with a fixed stream id decides them. Concurrency is per
 * entry, through {@code expectedVersion} / {@code decidedVersion}.
 */
public final class NomenclatureIds {

    /** Aggregate identifier of the nomenclature. */
    public static final String NOMENCLATURE_ID = "marc-nomenclature";

    private NomenclatureIds() {
    }
}

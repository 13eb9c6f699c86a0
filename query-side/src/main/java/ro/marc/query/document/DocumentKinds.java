package ro.marc.query.document;

/** The kinds of generated documents (a document's {@code kind}; issue 12 adds the uploaded ones). */
public final class DocumentKinds {

    /** Fișa pentru stabilirea sarcinilor, responsabilităților și planificarea activității grupului (Anexa 1). */
    public static final String ANEXA_1 = "ANEXA_1";
    /** Fișa de analiză a activităților vulnerabile la corupție (Anexa 3). */
    public static final String ANEXA_3 = "ANEXA_3";
    /** Formularul de identificare și evaluare a riscurilor de corupție (Anexa 4). */
    public static final String ANEXA_4 = "ANEXA_4";
    /** Registrul riscurilor de corupție (Anexa 10). */
    public static final String ANEXA_10 = "ANEXA_10";

    public static final String PDF = "application/pdf";

    private DocumentKinds() {
    }
}

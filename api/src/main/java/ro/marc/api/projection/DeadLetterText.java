package ro.marc.api.projection;

/** Short, payload-free texts for logs and the operator API: a cause never dumps an event or an INSERT. */
final class DeadLetterText {

    static final int MAX = 300;

    private DeadLetterText() {
    }

    /** The root cause's type and at most {@link #MAX} characters of its message, on one line. */
    static String shortCause(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return prefix(text);
    }

    static String prefix(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX) + "…";
    }
}

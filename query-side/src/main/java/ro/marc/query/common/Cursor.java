package ro.marc.query.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors for keyset pagination: the sort key of the last row seen, base64url-encoded. */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keyParts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keyParts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the cursor was not produced by {@link #encode} */
    public static String[] decode(String cursor, int parts) {
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            if (decoded.length != parts) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The cursor '" + cursor + "' is not valid", e);
        }
    }
}

package ro.marc.query.common;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void what_encode_writes_decode_reads() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T20:00:00.123456Z");
        String[] parts = Cursor.decode(Cursor.encode(at.toString(), id.toString()), 2);
        assertThat(Cursor.instant("c", parts[0])).isEqualTo(at);
        assertThat(Cursor.uuid("c", parts[1])).isEqualTo(id);
        assertThat(Cursor.offset("c", Cursor.decode(Cursor.encode("20"), 1)[0])).isEqualTo(20);
        assertThat(Cursor.decode(Cursor.encode("anticoruptie", "한국"), 2)).containsExactly("anticoruptie", "한국");
    }

    @Test
    void forged_cursors_are_invalid_cursors_with_short_messages() {
        String[] forged = {"%%%", "x".repeat(100_000), raw(new byte[]{(byte) 0xC3, 0x28}), b64("a\u0000"), b64("a\u001fb")};
        for (String cursor : forged) {
            assertThatThrownBy(() -> Cursor.decode(cursor, 1)).isInstanceOf(InvalidCursor.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
        }
        for (String offset : new String[]{"-1", "1e3", "+1", "01", "9999999999", ""}) {
            assertThatThrownBy(() -> Cursor.offset("c", offset)).as(offset).isInstanceOf(InvalidCursor.class);
        }
        for (String id : new String[]{"1-1-1-1-1", "x", UUID.randomUUID().toString().replace("-", "")}) {
            assertThatThrownBy(() -> Cursor.uuid("c", id)).as(id).isInstanceOf(InvalidCursor.class);
        }
        for (String at : new String[]{"yesterday", "+100000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> Cursor.instant("c", at)).as(at).isInstanceOf(InvalidCursor.class);
        }
    }

    private static String b64(String text) {
        return raw(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String raw(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

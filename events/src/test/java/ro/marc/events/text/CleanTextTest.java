package ro.marc.events.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanTextTest {

    // ---------------------------------------------------------------- refused, every kind

    @ParameterizedTest(name = "U+{0} refused in names, texts and identifiers")
    @ValueSource(strings = {
            "0000", "0001", "0007", "0008", "000B", "000C", "001B", "001F", "007F", // C0 controls, DEL
            "0080", "0085", "009F",                                                  // C1 controls, NEL
            "061C", "200E", "200F", "202A", "202B", "202C", "202D", "202E",          // bidi marks, embeddings, overrides
            "2066", "2067", "2068", "2069",                                          // bidi isolates
            "200B", "200C", "200D", "2060", "2061", "2064", "FEFF",                  // zero-width, word joiner, inner BOM
            "E0041", "E007F",                                                        // tag characters
            "034F", "115F", "1160", "17B4", "180E", "2800", "3164", "FFA0",          // invisible fillers
            "FE0F", "E0100",                                                         // variation selectors
            "FDD0", "FFFE", "FFFF", "1FFFF"})                                        // noncharacters
    void unsafe_characters_are_refused_naming_field_character_and_position(String hex) {
        int cp = Integer.parseInt(hex, 16);
        String text = "Bir" + Character.toString(cp) + "oul Zero";
        for (var cleaner : cleaners()) {
            assertThatThrownBy(() -> cleaner.clean("name", text))
                    .isInstanceOfSatisfying(CleanText.Refused.class, r -> {
                        assertThat(r.field()).isEqualTo("name");
                        assertThat(r.code()).isEqualTo("INVALID_CHARACTERS");
                        assertThat(r.character()).isEqualTo("U+" + hex);
                        assertThat(r.position()).isEqualTo(4);
                        assertThat(r.getMessage()).contains("'name'", "U+" + hex, "position 4")
                                .doesNotContain("oul Zero").doesNotContain(Character.toString(cp));
                    });
        }
    }

    @Test
    void lone_surrogates_are_refused_but_pairs_are_kept() {
        for (String lone : new String[]{"a\uD800b", "a\uDC00b", "ab\uD83D"}) {
            assertThatThrownBy(() -> CleanText.singleLine("displayName", lone))
                    .isInstanceOfSatisfying(CleanText.Refused.class, r -> assertThat(r.field()).isEqualTo("displayName"));
            assertThatThrownBy(() -> CleanText.multiLine("description", lone)).isInstanceOf(CleanText.Refused.class);
            assertThatThrownBy(() -> CleanText.identifier("subject", lone)).isInstanceOf(CleanText.Refused.class);
        }
        assertThat(CleanText.singleLine("name", "Birou \uD83D\uDE00")).isEqualTo("Birou \uD83D\uDE00");
    }

    @Test
    void positions_count_characters_as_received_leading_blanks_included() {
        assertThatThrownBy(() -> CleanText.singleLine("name", "  ab\u0000"))
                .isInstanceOfSatisfying(CleanText.Refused.class, r -> assertThat(r.position()).isEqualTo(5));
        assertThatThrownBy(() -> CleanText.singleLine("name", "\uD83D\uDE00\u202E"))
                .isInstanceOfSatisfying(CleanText.Refused.class, r -> assertThat(r.position()).isEqualTo(2));
    }

    @Test
    void a_huge_text_is_refused_with_a_short_message() {
        String text = "x".repeat(1_000_000) + "\u0000";
        assertThatThrownBy(() -> CleanText.multiLine("description", text))
                .isInstanceOfSatisfying(CleanText.Refused.class, r -> assertThat(r.getMessage()).hasSizeLessThan(150));
    }

    // ---------------------------------------------------------------- removed or replaced

    @Test
    void single_line_collapses_white_space_including_tabs_line_breaks_and_unicode_spaces() {
        assertThat(CleanText.singleLine("name", "  Poliția \t\r\n  Municipiului\u00A0\u2007Cluj\u202F-\u3000Napoca \u2028"))
                .isEqualTo("Poliția Municipiului Cluj - Napoca");
    }

    @Test
    void a_bom_at_either_end_is_trimmed_and_a_soft_hyphen_removed() {
        assertThat(CleanText.singleLine("name", "\uFEFFBiroul Zero\uFEFF")).isEqualTo("Biroul Zero");
        assertThat(CleanText.singleLine("name", "Bir\u00ADoul Zero")).isEqualTo("Biroul Zero");
        assertThat(CleanText.multiLine("description", "Text\uFEFF\r\n")).isEqualTo("Text");
    }

    @Test
    void multi_line_keeps_tabs_and_line_feeds_and_unifies_line_ends() {
        assertThat(CleanText.multiLine("description", " Rândul 1\r\nRândul 2\rRândul\t3\u2029Rândul  4\n\n "))
                .isEqualTo("Rândul 1\nRândul 2\nRândul\t3\nRândul  4");
    }

    @Test
    void text_is_composed_nfc() {
        String decomposed = "Anticorup" + "t\u0326" + "ie Cluj a\u0306"; // ț and ă as letter + combining mark
        assertThat(decomposed).isNotEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        assertThat(CleanText.singleLine("name", decomposed)).isEqualTo("Anticorupție Cluj ă");
        assertThat(CleanText.multiLine("description", decomposed)).isEqualTo("Anticorupție Cluj ă");
        String hangul = Normalizer.normalize("한국", Normalizer.Form.NFD); // jamo
        assertThat(CleanText.singleLine("name", hangul)).isEqualTo("한국");
    }

    @Test
    void identifiers_are_trimmed_and_checked_but_never_rewritten() {
        String decomposed = "user-a\u0306";
        assertThat(CleanText.identifier("subject", "  " + decomposed + " ")).isEqualTo(decomposed);
        assertThat(CleanText.identifier("subject", "Ab Cd")).isEqualTo("Ab Cd");
        for (String bad : new String[]{"a\tb", "a\nb", "a\u00A0b", "a\u00ADb", "a\u200Bb"}) {
            assertThatThrownBy(() -> CleanText.identifier("subject", bad)).isInstanceOf(CleanText.Refused.class);
        }
    }

    @Test
    void null_stays_null_and_blank_becomes_empty() {
        assertThat(CleanText.singleLine("name", null)).isNull();
        assertThat(CleanText.singleLine("name", " \t\uFEFF\u00A0 ")).isEmpty();
        assertThat(CleanText.multiLine("reason", "\n\n")).isEmpty();
    }

    @Test
    void cleaning_is_idempotent_and_leaves_nothing_unsafe_random_text() {
        Random random = new Random(20261201);
        int[] pool = {'a', 'Z', ' ', '\t', '\n', '\r', 0xA0, 0xAD, 0x2028, 'ș', 'Ț', 0x0326, 0x0306, '한',
                0x1F600, '<', '&', 0x2007, 0x3000};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                b.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String text = b.toString();
            for (var cleaner : new Cleaner[]{CleanText::singleLine, CleanText::multiLine}) {
                String once = cleaner.clean("f", text); // the pool holds only characters these accept
                assertThat(cleaner.clean("f", once)).as("idempotent on %s", text).isEqualTo(once);
                assertThat(once.codePoints().noneMatch(cp -> CleanText.isUnsafe(cp) && cp != '\t' && cp != '\n'))
                        .isTrue();
                assertThat(Normalizer.isNormalized(once, Normalizer.Form.NFC)).isTrue();
            }
            String line = CleanText.singleLine("f", text);
            assertThat(line).doesNotContain("  ").doesNotContain("\n").doesNotContain("\t").isEqualTo(line.strip());
        }
    }

    // ---------------------------------------------------------------- uniqueness on cleaned text

    @Test
    void name_keys_compare_cleaned_text() {
        String clean = CleanText.singleLine("name", "Biroul\u00A0 Zero\uFEFF");
        assertThat(RomanianText.nameKey(clean)).isEqualTo(RomanianText.nameKey("biroul zero"));
        assertThat(RomanianText.nameKey(CleanText.singleLine("name", "Bir\u00ADoul Zero")))
                .isEqualTo(RomanianText.nameKey("Biroul Zero"));
        // text stored before the cleaner existed: invisible characters do not make a new name
        assertThat(RomanianText.nameKey("Bir\u200Boul Zero")).isEqualTo(RomanianText.nameKey("Biroul Zero"));
        assertThat(RomanianText.nameKey("Bir\u202Eoul\u00A0Zero")).isEqualTo(RomanianText.nameKey("Biroul Zero"));
    }

    @Test
    void excerpts_are_short_and_printable() {
        assertThat(Excerpt.of("x".repeat(1_000_000))).hasSize(Excerpt.MAX_CHARACTERS + 1).endsWith("…");
        assertThat(Excerpt.of("abc")).isEqualTo("abc");
        assertThat(Excerpt.of("a\u0000b\u202Ec")).isEqualTo("a[U+0000]b[U+202E]c");
        assertThat(Excerpt.quoted(null)).isEqualTo("'null'");
        assertThat(Excerpt.capped("y".repeat(10_000))).hasSize(Excerpt.MAX_MESSAGE).endsWith("…");
    }

    private interface Cleaner {
        String clean(String field, String text);
    }

    private static Cleaner[] cleaners() {
        return new Cleaner[]{CleanText::singleLine, CleanText::multiLine, CleanText::identifier};
    }
}

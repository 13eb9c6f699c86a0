package ro.marc.events.text;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RomanianTextTest {

    @Test
    void romanian_diacritics_fold_in_both_spellings() {
        assertThat(RomanianText.fold("Anticorupţie ȘȚĂÂÎ şţ")).isEqualTo("anticoruptie staai st");
        assertThat(RomanianText.fold("Anticorupție")).isEqualTo(RomanianText.fold("ANTICORUPTIE"));
    }

    @Test
    void hangul_keeps_its_length_when_folded() {
        String name = "한".repeat(200);
        assertThat(RomanianText.fold(name)).isEqualTo(name).hasSize(200);
        assertThat(RomanianText.fold("대한민국 Poliția")).isEqualTo("대한민국 politia");
    }

    @Test
    void composed_text_folds_character_for_character() {
        String[] samples = {"İstanbul", "Ǆemal", "Ωmega ΣΊΣΥΦΟΣ", "東京都", "ﬁnanțe", "Kelvin \u212A", "Å\u212B",
                "\uD835\uDC00 math", "\uD83D\uDE00 emoji", "Ελληνικά", "Русский", "עברית", "العربية", "हिन्दी"};
        for (String sample : samples) {
            String composed = Normalizer.normalize(sample, Normalizer.Form.NFC);
            assertThat(RomanianText.fold(composed)).as(sample).hasSameSizeAs(composed);
        }
    }

    @Test
    void the_fold_never_grows_and_is_stable_random_text() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(20); k > 0; k--) {
                int cp;
                do {
                    cp = random.nextInt(0x30000);
                } while (Character.getType(cp) == Character.SURROGATE || !Character.isDefined(cp));
                b.appendCodePoint(cp);
            }
            String text = b.toString();
            String folded = RomanianText.fold(text);
            assertThat(folded.length()).as("fold of %s", text).isLessThanOrEqualTo(text.length());
            String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
            if (composed.codePoints().noneMatch(RomanianTextTest::isAccent)) {
                assertThat(RomanianText.fold(composed)).as("fold of %s", composed).hasSameSizeAs(composed);
            }
            assertThat(RomanianText.fold(folded)).isEqualTo(folded);
        }
    }

    @Test
    void lone_combining_accents_are_dropped_as_before_other_marks_kept() {
        assertThat(RomanianText.fold("s\u0326q\u0301")).isEqualTo("sq");
        assertThat(RomanianText.fold("हिन्दी")).isEqualTo("हिन्दी");
    }

    private static boolean isAccent(int cp) {
        return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
                || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
    }
}

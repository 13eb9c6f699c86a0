package ro.marc.api.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header checks written as loops decide exactly as Spring's regular expressions. */
class HeaderFirewallTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void the_loops_agree_with_spring_s_expressions() {
        List<String> samples = new ArrayList<>(List.of("", "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig",
                "a\tb", "a\nb", "a\rb", "x\u0000", "\u007f", "\u0085", "\u00a0é", "\u0378", "😀", "\ud83d", "\ude00x",
                "\u2028", "\ufeff", "\uffff", "\t"));
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(4); j >= 0; j--) {
                int cp = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x100);
                    case 1 -> random.nextInt(0x10000);
                    case 2 -> random.nextInt(Character.MAX_CODE_POINT + 1);
                    default -> 0x20 + random.nextInt(0x5f);
                };
                s.appendCodePoint(cp);
            }
            samples.add(s.toString());
        }
        for (String s : samples) {
            assertThat(SecurityConfig.allowedHeaderName(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(NAME.matcher(s).matches());
            assertThat(SecurityConfig.allowedHeaderValue(s)).as("value %s", s.codePoints().boxed().toList())
                    .isEqualTo(VALUE.matcher(s).matches());
        }
    }
}

package ro.marc.api.graphql;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 8: every {@code extensions.code} the code can return is listed, with its meaning, in
 * {@code graphql/errors.graphqls} (enum ErrorCode). Scans the main sources of api, command-side and
 * query-side for codes: the code argument of {@code CommandRejected} and {@code InvalidInput},
 * {@code "code", "X"} map entries (extensions), {@code code = ...} assignments, and the code of
 * {@code GraphQlErrorResponse}. A new code fails this test until it is listed (one line).
 */
class ErrorCodesTest {

    private static final String CODE = "\"([A-Z][A-Z0-9_]+)\"";
    /** Patterns whose group 1 is a code. */
    private static final List<Pattern> DIRECT = List.of(
            Pattern.compile("new\\s+CommandRejected\\s*\\(\\s*[^,;]+,\\s*[^,;]+,\\s*" + CODE),
            Pattern.compile("CommandRejected\\s*\\.\\s*invalid\\s*\\(\\s*[^,;]+,\\s*" + CODE),
            Pattern.compile("new\\s+InvalidInput\\s*\\(\\s*[^,;]+,\\s*" + CODE),
            Pattern.compile("GraphQlErrorResponse\\s*\\.\\s*(?:write|body)\\s*\\([^;]*?,\\s*\"[A-Z_]+\"\\s*,\\s*" + CODE + "\\s*\\)"));
    /** Patterns whose group 1 is an expression: every quoted upper-case word in it is a code (ternaries). */
    private static final List<Pattern> EXPRESSIONS = List.of(
            Pattern.compile("\"code\"\\s*,\\s*((?:[^,()\"]|\"[^\"]*\")+)"),
            Pattern.compile("\\b(?:String\\s+)?code\\s*=\\s*([^;]+);"));
    private static final Pattern QUOTED = Pattern.compile(CODE);

    @Test
    void every_error_code_used_in_the_code_is_listed_with_its_meaning() {
        Map<String, String> listed = listed();
        Map<String, Set<String>> used = used();
        assertThat(used.keySet()).as("the scan finds codes (else it is broken)")
                .contains("STALE_VERSION", "FORBIDDEN", "MALFORMED_ID", "USER_UNKNOWN", "DATABASE_UNAVAILABLE",
                        "DATABASE_ERROR", "INVALID_VARIABLE", "MALFORMED_REQUEST", "UNAUTHENTICATED", "NAME_NOT_UNIQUE");
        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(listed.keySet());
        assertThat(missing).as("codes used in the code but not listed in graphql/errors.graphqls (enum ErrorCode), "
                + "with the files using them: add one line \"meaning\" CODE").isEmpty();
        listed.forEach((code, meaning) -> assertThat(meaning).as("the meaning of " + code).isNotBlank());
    }

    @Test
    void the_scan_recognises_each_way_a_code_is_written() {
        String sample = """
                throw CommandRejected.invalid("name", "A_ONE", "x");
                throw new CommandRejected(CommandRejected.Reason.CONFLICT, "role",
                        "A_TWO", "y", Map.of());
                throw new InvalidInput("after", "A_THREE", e.getMessage());
                return error(env, t, m, Map.of("code", flag ? "A_FOUR" : "A_FIVE"));
                String code = auth == null ? "A_SIX" : "A_SEVEN";
                GraphQlErrorResponse.write(response, 413, "too large", "BAD_REQUEST", "A_EIGHT");
                """;
        Map<String, Set<String>> found = new TreeMap<>();
        scan("Sample.java", sample, found);
        assertThat(found.keySet()).containsExactlyInAnyOrder("A_ONE", "A_TWO", "A_THREE", "A_FOUR", "A_FIVE", "A_SIX",
                "A_SEVEN", "A_EIGHT");
    }

    /** ErrorCode's values and their descriptions. */
    static Map<String, String> listed() {
        String sdl = read(Path.of("src/main/resources/graphql/errors.graphqls"));
        EnumTypeDefinition codes = Parser.parse(sdl).getDefinitionsOfType(EnumTypeDefinition.class).stream()
                .filter(e -> e.getName().equals("ErrorCode")).findFirst().orElseThrow();
        Map<String, String> listed = new TreeMap<>();
        for (EnumValueDefinition value : codes.getEnumValueDefinitions()) {
            assertThat(listed).as("listed once: " + value.getName()).doesNotContainKey(value.getName());
            listed.put(value.getName(), value.getDescription() == null ? "" : value.getDescription().getContent());
        }
        return listed;
    }

    private static Map<String, Set<String>> used() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (String root : List.of("src/main/java", "../command-side/src/main/java", "../query-side/src/main/java")) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    scan(file.getFileName().toString(), read(file), used);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return used;
    }

    private static void scan(String file, String source, Map<String, Set<String>> found) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        for (Pattern pattern : DIRECT) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file);
            }
        }
        for (Pattern pattern : EXPRESSIONS) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                Matcher q = QUOTED.matcher(m.group(1));
                while (q.find()) {
                    found.computeIfAbsent(q.group(1), k -> new TreeSet<>()).add(file);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the README: the list as a Markdown table (run this test class's main). */
    public static void main(String[] args) {
        System.out.println(listed().entrySet().stream().map(e -> "| `" + e.getKey() + "` | " + e.getValue() + " |")
                .collect(Collectors.joining("\n")));
    }
}

package ro.marc.query.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    @Test
    void marks_move_to_the_original_spelling() {
        assertThat(Highlights.onOriginal("Serviciul Anticorupție Cluj", "serviciul <em>anticoruptie</em> cluj"))
                .isEqualTo("Serviciul <em>Anticorupție</em> Cluj");
    }

    @Test
    void markup_in_the_name_is_escaped_and_only_our_em_tags_remain() {
        String name = "<img src=x onerror=alert(1)> & 'Ardeal' \"x\"";
        // what Elasticsearch's html encoder sends for the folded text
        String es = "&lt;<em>img</em> src=x onerror=alert(1)&gt; &amp; &#x27;<em>ardeal</em>&#x27; &quot;x&quot;";
        String out = Highlights.onOriginal(name, es);
        assertThat(out).isEqualTo("&lt;<em>img</em> src=x onerror=alert(1)&gt; &amp; &#39;<em>Ardeal</em>&#39; &quot;x&quot;");
        assertThat(out.replace("<em>", "").replace("</em>", "")).doesNotContain("<", ">");
    }

    @Test
    void a_literal_em_in_a_name_is_text_not_a_tag() {
        String out = Highlights.onOriginal("<em>Biroul</em>", "&lt;em&gt;<em>biroul</em>&lt;&#x2F;em&gt;");
        assertThat(out).isEqualTo("&lt;em&gt;<em>Biroul</em>&lt;/em&gt;");
    }

    @Test
    void hangul_names_map_character_for_character() {
        assertThat(Highlights.onOriginal("한국 Poliția", "한국 <em>politia</em>")).isEqualTo("한국 <em>Poliția</em>");
    }

    @Test
    void when_lengths_differ_the_folded_text_is_shown_escaped() {
        // a lone accent (s + U+0326) folds away: the folded highlight is shown, escaped
        assertThat(Highlights.onOriginal("s\u0326<b>", "<em>s</em>&lt;b&gt;")).isEqualTo("<em>s</em>&lt;b&gt;");
    }

    @Test
    void an_unreadable_highlight_falls_back_to_the_escaped_name() {
        assertThat(Highlights.onOriginal("<b>", "&bogus;b")).isEqualTo("&lt;b&gt;");
        assertThat(Highlights.escape("a<b>&")).isEqualTo("a&lt;b&gt;&amp;");
    }
}

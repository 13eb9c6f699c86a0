package ro.marc.api.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void an_ascii_name_is_given_as_is() {
        assertThat(DocumentDownloadController.contentDisposition("Anexa1-Evaluare-editia-2.pdf"))
                .isEqualTo("attachment; filename=\"Anexa1-Evaluare-editia-2.pdf\"");
    }

    @Test
    void a_name_with_diacritics_gets_an_ascii_fallback_and_the_utf8_name() {
        assertThat(DocumentDownloadController.contentDisposition("Hotărâre „instanță”.pdf"))
                .isEqualTo("attachment; filename=\"Hotarare _instanta_.pdf\"; "
                        + "filename*=UTF-8''Hot%C4%83r%C3%A2re%20%E2%80%9Einstan%C8%9B%C4%83%E2%80%9D.pdf");
    }
}

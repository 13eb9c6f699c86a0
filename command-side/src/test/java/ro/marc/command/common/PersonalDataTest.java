package ro.marc.command.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PersonalData}: valid CNPs (date and control digit) and e-mail addresses are found; look-alikes are not. */
class PersonalDataTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1800101221144", // man born 1980-01-01
            "2951231040017", // woman born 1995-12-31
            "6000229123455", // born on 2000-02-29 (a leap year)
            "1990214123458",
            "1850505121041"  // the sum leaves 10: the control digit is 1
    })
    void valid_cnps_are_recognised(String cnp) {
        assertThat(PersonalData.isCnp(cnp)).isTrue();
        assertThat(PersonalData.find("Persoana cu CNP " + cnp + " a declarat")).contains("a personal numeric code (CNP)");
        assertThat(PersonalData.find("CNP:" + cnp + ".")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1800101221145", // control digit wrong
            "1850505121040", // the sum leaves 10, but 0 is given
            "5020229123451", // 2002-02-29 does not exist (right control digit)
            "7123456123458", // month 34 (right control digit)
            "0800101221142", // first digit 0 (right control digit)
            "180010122114",  // 12 digits
            "18001012211440" // 14 digits
    })
    void look_alikes_are_no_cnp(String number) {
        assertThat(PersonalData.isCnp(number)).isFalse();
        assertThat(PersonalData.find("Numărul " + number + " din registru")).isEmpty();
    }

    @Test
    void a_cnp_inside_a_longer_number_is_not_one() {
        assertThat(PersonalData.find("Dosar 91800101221144")).isEmpty();
        assertThat(PersonalData.find("Dosar 18001012211447")).isEmpty();
        assertThat(PersonalData.find("CNP1800101221144x")).as("letters around are no digits").isPresent();
        assertThat(PersonalData.find("1800101221144")).as("the whole text").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ion.pop@exemplu.ro", "a@b.ro", "Scrieți la ștefan.ionescu@poliția.ro!", "x_y+z@sub.mai.gov.ro"})
    void email_addresses_are_recognised(String text) {
        assertThat(PersonalData.find(text)).contains("an e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "a @ b.ro", "@b.ro", "art. 5 @ 10 lei", "ion.pop@", "Suma de 1.000 lei"})
    void texts_without_an_address_are_let_through(String text) {
        assertThat(PersonalData.find(text)).isEmpty();
    }

    @Test
    void the_refusal_names_the_field_and_the_kind_and_never_quotes_it() {
        assertThatThrownBy(() -> PersonalData.refuse("content", "Inculpatul 2951231040017 a recunoscut"))
                .isInstanceOfSatisfying(CommandRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(CommandRejected.Reason.INVALID);
                    assertThat(r.field()).isEqualTo("content");
                    assertThat(r.code()).isEqualTo("PERSONAL_DATA");
                    assertThat(r.getMessage()).contains("personal numeric code (CNP)").doesNotContain("2951231040017");
                });
        assertThatThrownBy(() -> PersonalData.refuse("summary", "contact: ion.pop@exemplu.ro"))
                .isInstanceOfSatisfying(CommandRejected.class, r ->
                        assertThat(r.getMessage()).contains("an e-mail address").doesNotContain("ion.pop"));
        assertThat(PersonalData.refuse("content", "Fără date personale.")).isEqualTo("Fără date personale.");
        assertThat(PersonalData.refuse("content", null)).isNull();
    }
}

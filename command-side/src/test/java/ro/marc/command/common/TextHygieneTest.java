package ro.marc.command.common;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ro.marc.command.access.AccountDirectory;
import ro.marc.command.access.UserAccount;
import ro.marc.command.org.InMemoryOrgTree;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgUnit;
import ro.marc.command.org.WorkUnit;
import ro.marc.events.access.command.RegisterUser;
import ro.marc.events.access.event.UserRegistered;
import ro.marc.events.org.*;
import ro.marc.events.org.command.*;
import ro.marc.events.org.event.*;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every aggregate cleans its free text through {@link Texts}/{@link Names}: refusals name the field. */
class TextHygieneTest {

    private static final UUID ROOT = UUID.randomUUID();
    private static final UUID MINISTRY = UUID.randomUUID();
    private static final UUID WU = UUID.randomUUID();
    private static final UUID ORG = UUID.randomUUID();

    /** An org unit's fixture; the lookup knows the root, the ministry and "Biroul Zero" under it. */
    private static FixtureConfiguration<OrgUnit> orgUnit() {
        FixtureConfiguration<OrgUnit> fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(organisation());
        return fixture;
    }

    private static FixtureConfiguration<WorkUnit> workUnit() {
        FixtureConfiguration<WorkUnit> fixture = new AggregateTestFixture<>(WorkUnit.class);
        fixture.registerInjectableResource(organisation());
        return fixture;
    }

    private static FixtureConfiguration<UserAccount> directory() {
        FixtureConfiguration<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource(new AccountDirectory() {
            @Override
            public java.util.Optional<AccountFact> account(UUID userId) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<AccountFact> holderOf(String issuer, String subject) {
                return java.util.Optional.empty();
            }

            @Override
            public boolean anotherActiveCentralAdmin(UUID userId) {
                return true;
            }
        });
        fixture.registerInjectableResource(new OrgFacts() {
            @Override
            public java.util.Optional<OrgUnitFact> orgUnit(UUID id) {
                return java.util.Optional.of(new OrgUnitFact(id, "Org", null, 0, null, true, java.util.Set.of(), List.of()));
            }

            @Override
            public java.util.Optional<WorkUnitFact> workUnit(UUID id) {
                return java.util.Optional.empty();
            }
        });
        return fixture;
    }

    private static InMemoryOrgTree organisation() {
        InMemoryOrgTree tree = new InMemoryOrgTree();
        tree.apply(new OrgUnitCreated(ROOT, null, "MARC", 0, null),
                new OrgUnitCreated(MINISTRY, ROOT, "Ministerul Afacerilor Interne", 1, null),
                new OrgUnitCreated(UUID.randomUUID(), MINISTRY, "Biroul Zero", 2, null));
        return tree;
    }

    @ParameterizedTest(name = "org unit name with U+{0} refused")
    @ValueSource(strings = {"0000", "0007", "001B", "007F", "0085", "200B", "200D", "2060", "FEFF", "202E", "2066", "200F"})
    void an_org_unit_name_with_a_control_zero_width_or_bidi_character_is_refused_naming_the_field(String hex) {
        String bad = "Bir" + Character.toString(Integer.parseInt(hex, 16)) + "oul Unu";
        orgUnit().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, bad, null))
                .expectException(invalidCharacters("name", "U+" + hex, 4))
                .expectNoEvents();
    }

    @Test
    void a_lone_surrogate_in_a_name_is_refused() {
        orgUnit().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "Biroul \uD800", null))
                .expectException(invalidCharacters("name", "U+D800", 8))
                .expectNoEvents();
    }

    @Test
    void a_zero_width_space_cannot_slip_a_duplicate_past_the_unique_name_rule() {
        orgUnit().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "Bir\u200Boul Zero", null))
                .expectException(invalidCharacters("name", "U+200B", 4));
        // what is removed rather than refused (soft hyphen, no-break space) is compared after cleaning
        orgUnit().givenNoPriorActivity()
                .when(new CreateOrgUnit(UUID.randomUUID(), MINISTRY, "Bir\u00ADoul\u00A0Zero", null))
                .expectException(rejected("name", "NAME_NOT_UNIQUE"));
    }

    @Test
    void the_stored_name_is_the_cleaned_one() {
        UUID unit = UUID.randomUUID();
        orgUnit().givenNoPriorActivity()
                .when(new CreateOrgUnit(unit, MINISTRY, "\uFEFFServiciul\u00A0Anticorup" + "t\u0326ie\n", null))
                .expectEvents(new OrgUnitCreated(unit, MINISTRY, "Serviciul Anticorupție", 2, null));
    }

    @Test
    void the_root_and_work_unit_names_are_cleaned_too() {
        orgUnit().givenNoPriorActivity()
                .when(new InitialiseOrganisation(ROOT, "MARC\u0000"))
                .expectException(invalidCharacters("rootName", "U+0000", 5));
        workUnit().givenNoPriorActivity()
                .when(new DefineWorkUnit(WU, "Resurse\u202Eumane"))
                .expectException(invalidCharacters("name", "U+202E", 8));
    }

    @Test
    void account_display_name_e_mail_and_identity_are_cleaned() {
        UUID user = UUID.randomUUID();
        directory().givenNoPriorActivity()
                .when(new RegisterUser(user, "iss", "sub", "Ana\u0000", "ana@mai.gov.ro", ORG))
                .expectException(invalidCharacters("displayName", "U+0000", 4));
        directory().givenNoPriorActivity()
                .when(new RegisterUser(user, "iss", "sub", "Ana", "ana\u200B@mai.gov.ro", ORG))
                .expectException(invalidCharacters("email", "U+200B", 4));
        directory().givenNoPriorActivity()
                .when(new RegisterUser(user, "iss", "s\u001Bub", "Ana", "ana@mai.gov.ro", ORG))
                .expectException(invalidCharacters("subject", "U+001B", 2));
        directory().givenNoPriorActivity()
                .when(new RegisterUser(user, " iss ", " sub\t", "  Ana\u00A0 Pop ", " ANA@mai.gov.ro\uFEFF", ORG))
                .expectEvents(new UserRegistered(user, "iss", "sub", "Ana Pop", "ana@mai.gov.ro", ORG));
    }

    private static Matcher<CommandRejected> invalidCharacters(String field, String character, int position) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == CommandRejected.Reason.INVALID && field.equals(item.field())
                        && "INVALID_CHARACTERS".equals(item.code()) && character.equals(item.details().get("character"))
                        && Integer.valueOf(position).equals(item.details().get("position"))
                        && item.getMessage().contains(character) && item.getMessage().contains("'" + field + "'");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(INVALID, field=" + field + ", INVALID_CHARACTERS, "
                        + character + " at " + position + ")");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description description) {
                description.appendText("was " + item.reason() + " field=" + item.field() + " code=" + item.code()
                        + " details=" + item.details() + " message=" + item.getMessage());
            }
        };
    }

    private static Matcher<CommandRejected> rejected(String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return field.equals(item.field()) && code.equals(item.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(field=" + field + ", code=" + code + ")");
            }
        };
    }
}

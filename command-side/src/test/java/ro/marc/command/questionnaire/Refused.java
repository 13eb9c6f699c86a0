package ro.marc.command.questionnaire;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;

import java.util.Objects;

/** Matcher for the typed refusals of the questionnaire aggregates. */
final class Refused {

    private Refused() {
    }

    static Matcher<CommandRejected> rejected(Reason reason, String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == reason && Objects.equals(item.field(), field) && Objects.equals(item.code(), code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(" + reason + ", field=" + field + ", code=" + code + ")");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.reason() + ", field=" + item.field() + ", code=" + item.code() + ": " + item.getMessage());
            }
        };
    }
}

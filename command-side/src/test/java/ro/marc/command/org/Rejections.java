package ro.marc.command.org;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import ro.marc.command.common.CommandRejected;

/** Matchers for the organisation aggregates' refusals. */
final class Rejections {

    private Rejections() {
    }

    /** An INVALID refusal naming {@code field} with {@code code}. */
    static Matcher<CommandRejected> rejected(String field, String code) {
        return rejected(CommandRejected.Reason.INVALID, field, code);
    }

    static Matcher<CommandRejected> rejected(CommandRejected.Reason reason, String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == reason && field.equals(item.field()) && code.equals(item.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(" + reason + ", field=" + field + ", code=" + code + ")");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.reason() + " field=" + item.field() + ", code=" + item.code() + ": " + item.getMessage());
            }
        };
    }
}

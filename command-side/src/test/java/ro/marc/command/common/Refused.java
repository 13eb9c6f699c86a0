package ro.marc.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;

import java.util.Map;
import java.util.Objects;

/** Matchers for the typed refusals of the aggregates ({@link CommandRejected}): reason, field, code, details. */
public final class Refused {

    private Refused() {
    }

    public static Matcher<CommandRejected> rejected(Reason reason, String field, String code) {
        return rejected(reason, field, code, null);
    }

    /** With exactly these {@code details} (null: any). */
    public static Matcher<CommandRejected> rejected(Reason reason, String field, String code, Map<String, Object> details) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == reason && Objects.equals(item.field(), field) && Objects.equals(item.code(), code)
                        && (details == null || details.equals(item.details()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(" + reason + ", field=" + field + ", code=" + code
                        + (details == null ? "" : ", details=" + details) + ")");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.reason() + ", field=" + item.field() + ", code=" + item.code()
                        + ", details=" + item.details() + ": " + item.getMessage());
            }
        };
    }
}

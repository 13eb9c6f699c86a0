package ro.marc.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name an event is stored under in the event store ({@code payload_type}), independent of its
 * Java class: renaming or moving the class leaves stored events readable. Written
 * {@code "<capability>.<EventName>"}; once an event is released its name never changes (a new
 * shape gets an {@code @Revision} and an upcaster, not a new name).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {

    String value();
}

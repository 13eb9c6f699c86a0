package ro.marc.api.projection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;

import java.util.List;

/**
 * GraphQL operations on dead letters ({@code operations.graphqls}): {@link Permission#PROJECTION_READ}
 * for {@code deadLetters} (central administrators, auditors), {@link Permission#PROJECTION_ADMIN} for the
 * mutations (central administrators), both decided by {@code AccessRules}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class DeadLetterController {

    public record DeadLetterReport(List<DeadLetters.GroupSummary> groups, List<DeadLetters.DeadLetterView> letters) {
    }

    private final DeadLetters deadLetters;
    private final AccessPolicy access;

    public DeadLetterController(DeadLetters deadLetters, AccessPolicy access) {
        this.deadLetters = deadLetters;
        this.access = access;
    }

    @QueryMapping
    public DeadLetterReport deadLetters(@Argument String group, @Argument Integer first) {
        access.require(Permission.PROJECTION_READ, "deadLetters");
        int size = Inputs.pageSize("first", first);
        List<DeadLetters.GroupSummary> groups = deadLetters.summaries();
        return new DeadLetterReport(groups, group == null ? List.of() : deadLetters.list(group(group), size));
    }

    @MutationMapping
    public DeadLetters.RetryOutcome retryDeadLetters(@Argument String group) {
        access.require(Permission.PROJECTION_ADMIN, "retryDeadLetters");
        return deadLetters.retry(group(group), Integer.MAX_VALUE);
    }

    @MutationMapping
    public boolean evictDeadLetter(@Argument String id) {
        access.require(Permission.PROJECTION_ADMIN, "evictDeadLetter");
        if (id == null || id.isBlank() || id.length() > 255 || !deadLetters.evict(id)) {
            throw new InvalidInput("id", "UNKNOWN_DEAD_LETTER", "There is no dead letter with this id");
        }
        return true;
    }

    @MutationMapping
    public boolean rebuildProjection(@Argument String group) {
        access.require(Permission.PROJECTION_ADMIN, "rebuildProjection");
        String known = group(group);
        try {
            deadLetters.rebuild(known);
        } catch (RuntimeException e) {
            // a group none of whose handlers may be replayed, or a segment held by another node (UnableToClaimTokenException)
            throw new InvalidInput("group", "NOT_REBUILDABLE", DeadLetterText.prefix(e.getMessage()));
        }
        return true;
    }

    private static String group(String group) {
        if (group == null || !ProjectionGroups.isKnown(group)) {
            throw new InvalidInput("group", "UNKNOWN_GROUP", "Unknown projection group; one of " + ProjectionGroups.ALL);
        }
        return group;
    }
}

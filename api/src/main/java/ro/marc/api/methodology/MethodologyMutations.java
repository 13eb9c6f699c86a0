package ro.marc.api.methodology;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.CommandSender;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.api.methodology.MethodologyInputs.PublishMethodologyVersionInput;
import ro.marc.events.methodology.MethodologyIds;
import ro.marc.events.methodology.command.PublishMethodologyVersion;
import ro.marc.query.methodology.MethodologyQueries;
import ro.marc.query.methodology.MethodologyVersionView;

/**
 * Publishing a methodology version (central administrators, METHODOLOGY_EDIT): one command, authorised first; the
 * rules (tables without problems, a note, not the tables in force, the version edited) are the command's. Returns
 * once the read model shows the version.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class MethodologyMutations {

    public record MethodologyPayload(long version, MethodologyVersionView methodology) {
    }

    private final CommandSender commands;
    private final MethodologyQueries queries;
    private final AccessPolicy access;

    public MethodologyMutations(CommandSender commands, MethodologyQueries queries, AccessPolicy access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @MutationMapping
    public MethodologyPayload publishMethodologyVersion(@Argument PublishMethodologyVersionInput input) {
        access.require(Permission.METHODOLOGY_EDIT, "publishMethodologyVersion");
        long version = commands.send(new PublishMethodologyVersion(MethodologyIds.METHODOLOGY, input.content(), input.note(),
                input.expectedVersion()));
        MethodologyVersionView published = ReadYourWrites.awaitVersion(queries::current, MethodologyVersionView::version, version);
        return new MethodologyPayload(version, published);
    }
}

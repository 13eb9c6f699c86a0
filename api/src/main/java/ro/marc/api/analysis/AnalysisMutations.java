package ro.marc.api.analysis;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.JudgedCommands;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.InvalidInput;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.AnalysedTask;
import ro.marc.events.analysis.AnalysisIds;
import ro.marc.events.analysis.CollaborationRelation;
import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.analysis.command.FinaliseActivityAnalysis;
import ro.marc.events.analysis.command.SaveActivityAnalysis;
import ro.marc.events.analysis.command.StartActivityAnalysis;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.query.analysis.AnalysisQueries;
import ro.marc.query.analysis.AnalysisView;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;
import static ro.marc.api.common.Inputs.ids;

/**
 * Activity analysis (Anexa 3) mutations, one command each. Authorised first: ANALYSIS_WRITE over the
 * structure of the plan (start) or of the analysis (save, finalise) — the caller's own structure. The
 * member is always the caller; the command decides the rest: the structure's active plan, the work unit
 * the plan assigns the caller (a refusal naming {@code workUnitId}, recorded as a refusal of access), the
 * analysis is theirs, and its content. Every change returns once the read model shows it.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AnalysisMutations {

    public record AnalysisPayload(UUID id, long version) {
    }

    public record StartInput(String planId, String workUnitId) {
    }

    public record SaveInput(String id, List<ActivityInput> activities, long expectedVersion) {
    }

    public record ActivityInput(String activityId, List<TaskInput> tasks, List<RelationInput> relations) {
    }

    public record TaskInput(String taskId, Periodicity periodicity, List<String> documentIds) {
    }

    public record RelationInput(Direction direction, String partnerOrgUnitId, String partnerEntryId, String nature,
                                String legalFramework, List<String> materialMeansIds) {
    }

    public record FinaliseInput(String id, long expectedVersion) {
    }

    private final JudgedCommands commands;
    private final AnalysisQueries analyses;
    private final AccessPolicy access;

    public AnalysisMutations(JudgedCommands commands, AnalysisQueries analyses, AccessPolicy access) {
        this.commands = commands;
        this.analyses = analyses;
        this.access = access;
    }

    @MutationMapping
    public AnalysisPayload startActivityAnalysis(@Argument StartInput input) {
        String operation = "startActivityAnalysis";
        UUID planId = commands.authoriseUnderPlan(Permission.ANALYSIS_WRITE, operation, input.planId());
        UUID workUnitId = id("workUnitId", input.workUnitId());
        UUID id = AnalysisIds.of(planId, access.caller().userId(), workUnitId);
        return send(operation, id, new StartActivityAnalysis(id, planId, workUnitId, null));
    }

    @MutationMapping
    public AnalysisPayload saveActivityAnalysis(@Argument SaveInput input) {
        String operation = "saveActivityAnalysis";
        UUID id = authorised(operation, input.id());
        return send(operation, id, new SaveActivityAnalysis(id, activities(input.activities()), input.expectedVersion()));
    }

    @MutationMapping
    public AnalysisPayload finaliseActivityAnalysis(@Argument FinaliseInput input) {
        String operation = "finaliseActivityAnalysis";
        UUID id = authorised(operation, input.id());
        return send(operation, id, new FinaliseActivityAnalysis(id, input.expectedVersion()));
    }

    @SchemaMapping(typeName = "ActivityAnalysisPayload")
    public AnalysisView analysis(AnalysisPayload payload) {
        return analyses.analysis(payload.id()).orElse(null);
    }

    // ---------------------------------------------------------------- helpers

    /** ANALYSIS_WRITE over the analysis' structure; an unknown analysis is the command's NOT_FOUND. */
    private UUID authorised(String operation, String rawId) {
        return commands.authorise(Permission.ANALYSIS_WRITE, operation, rawId,
                id -> analyses.analysis(id).map(AnalysisView::orgUnitId));
    }

    private AnalysisPayload send(String operation, UUID id, Object command) {
        return new AnalysisPayload(id, commands.send(operation, id, command, () -> analyses.analysis(id), AnalysisView::version));
    }

    /** The input as the command takes it; a malformed id is refused naming its place (activities[0].tasks[1].taskId). */
    private static List<AnalysedActivity> activities(List<ActivityInput> input) {
        if (input == null) {
            return List.of();
        }
        List<AnalysedActivity> activities = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ActivityInput a = input.get(i);
            if (a == null) {
                activities.add(null);
                continue;
            }
            String at = "activities[" + i + "]";
            List<AnalysedTask> tasks = new ArrayList<>();
            List<TaskInput> taskInputs = a.tasks() == null ? List.of() : a.tasks();
            for (int j = 0; j < taskInputs.size(); j++) {
                TaskInput t = taskInputs.get(j);
                String field = at + ".tasks[" + j + "]";
                if (t == null) {
                    throw new InvalidInput(field, "REQUIRED", "A task is required");
                }
                tasks.add(new AnalysedTask(id(field + ".taskId", t.taskId()), t.periodicity(),
                        ids(field + ".documentIds", t.documentIds())));
            }
            List<CollaborationRelation> relations = new ArrayList<>();
            List<RelationInput> relationInputs = a.relations() == null ? List.of() : a.relations();
            for (int r = 0; r < relationInputs.size(); r++) {
                RelationInput rel = relationInputs.get(r);
                String field = at + ".relations[" + r + "]";
                if (rel == null) {
                    throw new InvalidInput(field, "REQUIRED", "A collaboration relation is required");
                }
                relations.add(new CollaborationRelation(rel.direction(),
                        id(field + ".partnerOrgUnitId", rel.partnerOrgUnitId()), id(field + ".partnerEntryId", rel.partnerEntryId()),
                        rel.nature(), rel.legalFramework(), ids(field + ".materialMeansIds", rel.materialMeansIds())));
            }
            activities.add(new AnalysedActivity(id(at + ".activityId", a.activityId()), tasks, relations));
        }
        return activities;
    }
}

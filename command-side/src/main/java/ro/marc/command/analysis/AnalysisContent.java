package ro.marc.command.analysis;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Texts;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.command.org.OrgFacts;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.AnalysedTask;
import ro.marc.events.analysis.AnalysisEdition.ActivityLine;
import ro.marc.events.analysis.AnalysisEdition.DocumentLine;
import ro.marc.events.analysis.AnalysisEdition.RelationLine;
import ro.marc.events.analysis.AnalysisEdition.TaskLine;
import ro.marc.events.analysis.CollaborationRelation;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.ReferenceList;

import java.util.*;

/**
 * The rules on an activity analysis' content, and the names it resolves on the way. Each activity is an
 * activity of the nomenclature under the analysis' work unit, approved or the member's own pending
 * proposal; each task belongs to its activity and each document to its task (approved or own proposals
 * too); an entry deactivated since it was selected may stay where it is. Every task has a periodicity.
 * A relation names exactly one partner — an org unit of the ministry or an EXTERNAL_PARTNER entry —,
 * its nature (required) and legal framework (optional) as one line each, and MATERIAL_MEANS entries.
 * Nothing is selected twice. Refusals name the field as the API spells it ({@code activities[1].tasks[0].periodicity}).
 */
final class AnalysisContent {

    static final int MAX_ITEMS = 200;
    static final int MAX_TEXT = 500;

    private final NomenclatureCatalogue catalogue;
    private final OrgFacts org;
    private final UUID workUnitId;
    private final String member;
    private final Set<UUID> alreadyUsed;
    private final Map<UUID, String> names = new LinkedHashMap<>();

    AnalysisContent(NomenclatureCatalogue catalogue, OrgFacts org, UUID workUnitId, UUID memberUserId, Set<UUID> alreadyUsed) {
        this.catalogue = catalogue;
        this.org = org;
        this.workUnitId = workUnitId;
        this.member = memberUserId.toString();
        this.alreadyUsed = alreadyUsed;
    }

    /** The name of every id the validated content names. */
    Map<UUID, String> names() {
        return names;
    }

    /** The content, tidied (texts cleaned), or a typed refusal naming the field at fault. */
    List<AnalysedActivity> validate(List<AnalysedActivity> activities) {
        List<AnalysedActivity> given = activities == null ? List.of() : activities;
        limit("activities", given.size());
        Set<UUID> seenActivities = new HashSet<>();
        List<AnalysedActivity> tidy = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "activities[" + i + "]";
            AnalysedActivity activity = given.get(i);
            if (activity == null) {
                throw CommandRejected.invalid(at, "REQUIRED", "An activity is required");
            }
            Entry entry = item(at + ".activityId", activity.activityId(), EntryKind.ACTIVITY, null);
            if (!entry.workUnitIds().contains(workUnitId)) {
                throw CommandRejected.invalid(at + ".activityId", "NOT_IN_WORK_UNIT",
                        entry.label() + " is not an activity of the analysed work unit");
            }
            unique(seenActivities, entry, at + ".activityId");
            tidy.add(new AnalysedActivity(entry.id(), tasks(at, entry, activity.tasks()),
                    relations(at, activity.relations())));
        }
        return tidy;
    }

    private List<AnalysedTask> tasks(String at, Entry activity, List<AnalysedTask> tasks) {
        limit(at + ".tasks", tasks.size());
        Set<UUID> seen = new HashSet<>();
        List<AnalysedTask> tidy = new ArrayList<>();
        for (int j = 0; j < tasks.size(); j++) {
            String field = at + ".tasks[" + j + "]";
            AnalysedTask task = tasks.get(j);
            if (task == null) {
                throw CommandRejected.invalid(field, "REQUIRED", "A task is required");
            }
            Entry entry = item(field + ".taskId", task.taskId(), EntryKind.TASK, activity);
            unique(seen, entry, field + ".taskId");
            if (task.periodicity() == null) {
                throw CommandRejected.invalid(field + ".periodicity", "REQUIRED",
                        "How often " + entry.label() + " is carried out is required");
            }
            limit(field + ".documentIds", task.documentIds().size());
            Set<UUID> seenDocuments = new HashSet<>();
            for (int k = 0; k < task.documentIds().size(); k++) {
                Entry document = item(field + ".documentIds[" + k + "]", task.documentIds().get(k), EntryKind.DOCUMENT, entry);
                unique(seenDocuments, document, field + ".documentIds[" + k + "]");
            }
            tidy.add(new AnalysedTask(entry.id(), task.periodicity(), task.documentIds()));
        }
        return tidy;
    }

    private List<CollaborationRelation> relations(String at, List<CollaborationRelation> relations) {
        limit(at + ".relations", relations.size());
        Set<List<Object>> seen = new HashSet<>();
        List<CollaborationRelation> tidy = new ArrayList<>();
        for (int r = 0; r < relations.size(); r++) {
            String field = at + ".relations[" + r + "]";
            CollaborationRelation relation = relations.get(r);
            if (relation == null) {
                throw CommandRejected.invalid(field, "REQUIRED", "A collaboration relation is required");
            }
            if (relation.direction() == null) {
                throw CommandRejected.invalid(field + ".direction", "REQUIRED",
                        "Say whether the activity sends to or receives from the partner");
            }
            if (relation.partnerOrgUnitId() != null && relation.partnerEntryId() != null) {
                throw CommandRejected.invalid(field + ".partnerEntryId", "ONE_PARTNER",
                        "A relation names either an org unit of the ministry or an external partner, not both");
            }
            if (relation.partnerOrgUnitId() == null && relation.partnerEntryId() == null) {
                throw CommandRejected.invalid(field + ".partnerOrgUnitId", "REQUIRED",
                        "A relation names its partner: an org unit of the ministry or an external partner");
            }
            if (relation.partnerOrgUnitId() != null) {
                OrgFacts.OrgUnitFact partner = org.orgUnit(relation.partnerOrgUnitId()).orElseThrow(() ->
                        CommandRejected.notFound(field + ".partnerOrgUnitId", relation.partnerOrgUnitId(), "Org unit"));
                names.put(partner.id(), partner.name());
            } else {
                reference(field + ".partnerEntryId", relation.partnerEntryId(), ReferenceList.EXTERNAL_PARTNER);
            }
            String nature = Texts.optionalLine(field + ".nature", relation.nature(), MAX_TEXT);
            if (nature == null) {
                throw CommandRejected.invalid(field + ".nature", "REQUIRED", "The nature of the relation is required");
            }
            String legalFramework = Texts.optionalLine(field + ".legalFramework", relation.legalFramework(), MAX_TEXT);
            limit(field + ".materialMeansIds", relation.materialMeansIds().size());
            Set<UUID> seenMeans = new HashSet<>();
            for (int m = 0; m < relation.materialMeansIds().size(); m++) {
                String meansField = field + ".materialMeansIds[" + m + "]";
                Entry means = reference(meansField, relation.materialMeansIds().get(m), ReferenceList.MATERIAL_MEANS);
                unique(seenMeans, means, meansField);
            }
            UUID partner = relation.partnerOrgUnitId() != null ? relation.partnerOrgUnitId() : relation.partnerEntryId();
            if (!seen.add(List.of(relation.direction(), partner))) {
                throw CommandRejected.invalid(field + (relation.partnerOrgUnitId() != null ? ".partnerOrgUnitId" : ".partnerEntryId"),
                        "DUPLICATE", "The activity already has a relation in this direction with '" + names.get(partner) + "'");
            }
            tidy.add(new CollaborationRelation(relation.direction(), relation.partnerOrgUnitId(), relation.partnerEntryId(),
                    nature, legalFramework, relation.materialMeansIds()));
        }
        return tidy;
    }

    /** The activity → task → document tree and the relations with every name resolved (after {@link #validate}). */
    List<ActivityLine> lines(List<AnalysedActivity> activities) {
        return activities.stream().map(a -> new ActivityLine(a.activityId(), names.get(a.activityId()),
                a.tasks().stream().map(t -> new TaskLine(t.taskId(), names.get(t.taskId()), t.periodicity(),
                        t.documentIds().stream().map(d -> new DocumentLine(d, names.get(d))).toList())).toList(),
                a.relations().stream().map(r -> new RelationLine(r.direction(), r.internal(),
                        names.get(r.internal() ? r.partnerOrgUnitId() : r.partnerEntryId()), r.nature(), r.legalFramework(),
                        r.materialMeansIds().stream().map(names::get).toList())).toList())).toList();
    }

    // ---------------------------------------------------------------- entries

    /** A nomenclature item of {@code kind} under {@code parent} (null for activities) the member may select. */
    private Entry item(String field, UUID id, EntryKind kind, Entry parent) {
        Entry entry = catalogue.require(field, id, kind);
        if (parent != null && !parent.id().equals(entry.parentId())) {
            throw CommandRejected.invalid(field, "NOT_UNDER_PARENT", entry.label() + " does not belong to " + parent.label());
        }
        ItemStatus status = entry.itemStatus();
        boolean usable = status == ItemStatus.APPROVED
                || (status == ItemStatus.PROPOSED && member.equals(entry.proposerUserId()))
                || (status == ItemStatus.INACTIVE && alreadyUsed.contains(id));
        if (!usable) {
            throw CommandRejected.invalid(field, "NOT_SELECTABLE", entry.label() + " is " + entry.statusWord()
                    + (status == ItemStatus.PROPOSED ? " by someone else" : "")
                    + ": only approved entries and your own proposals are selected");
        }
        names.put(entry.id(), entry.name());
        return entry;
    }

    private Entry reference(String field, UUID id, ReferenceList list) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "An id is required");
        }
        Entry entry = catalogue.entry(id).orElseThrow(() -> CommandRejected.notFound(field, id, "Reference entry"));
        if (entry.kind() != EntryKind.REFERENCE || entry.list() != list) {
            throw CommandRejected.invalid(field, "WRONG_LIST", "The entry " + id + " is not in the list " + list);
        }
        if (!entry.active() && !alreadyUsed.contains(id)) {
            throw CommandRejected.invalid(field, "INACTIVE_ENTRY", "The entry '" + entry.name() + "' is deactivated");
        }
        names.put(entry.id(), entry.name());
        return entry;
    }

    private static void unique(Set<UUID> seen, Entry entry, String field) {
        if (!seen.add(entry.id())) {
            throw CommandRejected.invalid(field, "DUPLICATE", "'" + entry.name() + "' is selected twice");
        }
    }

    private static void limit(String field, int size) {
        if (size > MAX_ITEMS) {
            throw CommandRejected.invalid(field, "TOO_MANY", size + " entries; at most " + MAX_ITEMS + " are allowed");
        }
    }
}

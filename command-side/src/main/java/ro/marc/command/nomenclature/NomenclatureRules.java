package ro.marc.command.nomenclature;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.Names;
import ro.marc.command.common.Texts;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.plan.ActivePlans;
import ro.marc.command.plan.ActivePlans.PlanFact;
import ro.marc.events.nomenclature.Actor;
import ro.marc.events.nomenclature.Attachment;
import ro.marc.events.nomenclature.ItemKind;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.org.County;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The nomenclature's rules that several aggregates share: input checks (user ids, work units,
 * attachments, texts), the live chain of parents, and the rules about who acts (work units held by
 * the actor's structure, parents they may see and use), decided from the {@link NomenclatureCatalogue}
 * and {@link OrgFacts}.
 */
final class NomenclatureRules {

    static final int MAX_TEXT_LENGTH = 4000;
    static final int MAX_REASON_LENGTH = 1000;
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_ATTACHMENT_REFERENCE_LENGTH = 1000;
    static final int MAX_USER_ID_LENGTH = 255;

    private NomenclatureRules() {
    }

    static String kindName(ItemKind kind) {
        return switch (kind) {
            case ACTIVITY -> "Activity";
            case TASK -> "Task";
            case DOCUMENT -> "Document";
            case RISK -> "Risk";
        };
    }

    // ---------------------------------------------------------------- input

    static String requireUserId(String field, String value) {
        String tidy = value == null ? "" : Texts.identifier(field, value);
        if (tidy.isEmpty()) {
            throw CommandRejected.invalid(field, "REQUIRED", "A user id is required");
        }
        if (tidy.length() > MAX_USER_ID_LENGTH) {
            throw CommandRejected.invalid(field, "TOO_LONG", "The user id has " + tidy.length()
                    + " characters; at most " + MAX_USER_ID_LENGTH + " are allowed");
        }
        return tidy;
    }

    static void requireOrgUnitId(String field, UUID id) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "An org unit id is required");
        }
    }

    /** The actor's user id and org unit, both required ({@code prefix}: "proposer", "author", ...). */
    static Actor requireActor(String prefix, Actor actor) {
        if (actor == null) {
            throw CommandRejected.invalid(prefix + "UserId", "REQUIRED", "A user id is required");
        }
        String userId = requireUserId(prefix + "UserId", actor.userId());
        requireOrgUnitId(prefix + "OrgUnitId", actor.orgUnitId());
        return new Actor(userId, actor.orgUnitId(), actor.national(), actor.seesAllProposals(), actor.counties(),
                actor.forCounty());
    }

    /**
     * A territorial administrator acts only for a structure of one of their counties (§1.3.1): the org unit
     * exists (NOT_FOUND) and lies in one of the actor's counties (FORBIDDEN ORG_UNIT_OUTSIDE_COUNTIES), both
     * naming {@code forOrgUnitId}. Its work units are then checked like a member's own structure's.
     */
    static void requireStructureOfCounties(OrgFacts org, Actor actor) {
        if (!actor.forCounty()) {
            return;
        }
        OrgFacts.OrgUnitFact unit = org.orgUnit(actor.orgUnitId())
                .orElseThrow(() -> CommandRejected.notFound("forOrgUnitId", actor.orgUnitId(), "Org unit"));
        if (unit.county() == null || !actor.counties().contains(unit.county())) {
            throw CommandRejected.forbidden("forOrgUnitId", "ORG_UNIT_OUTSIDE_COUNTIES", unit.id(), "'" + unit.name()
                    + "' is not a structure of your counties: act only for the structures of your counties");
        }
    }

    static String requiredText(String field, String value) {
        String tidy = Texts.optional(field, value, MAX_TEXT_LENGTH);
        if (tidy == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "This text is required");
        }
        return tidy;
    }

    /** Required, not empty, no repeats. */
    static List<UUID> requireWorkUnits(List<UUID> workUnitIds) {
        if (workUnitIds == null || workUnitIds.isEmpty()) {
            throw CommandRejected.invalid("workUnitIds", "REQUIRED", "Name at least one work unit the activity belongs to");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : workUnitIds) {
            if (id == null) {
                throw CommandRejected.invalid("workUnitIds", "REQUIRED", "A work unit id is missing");
            }
            if (!seen.add(id)) {
                throw CommandRejected.invalid("workUnitIds", "DUPLICATE_WORK_UNIT", "Work unit " + id + " is named twice");
            }
        }
        return List.copyOf(workUnitIds);
    }

    static List<Attachment> requireAttachments(List<Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return List.of();
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw CommandRejected.invalid("attachments", "TOO_MANY",
                    attachments.size() + " attachments; at most " + MAX_ATTACHMENTS + " are allowed");
        }
        List<Attachment> tidy = new ArrayList<>();
        for (Attachment attachment : attachments) {
            if (attachment == null) {
                throw CommandRejected.invalid("attachments", "REQUIRED", "An attachment is empty");
            }
            String name = Names.require("attachments", attachment.name());
            String reference = Texts.optionalLine("attachments", attachment.reference(), MAX_ATTACHMENT_REFERENCE_LENGTH);
            if (reference == null) {
                throw CommandRejected.invalid("attachments", "REQUIRED", "Say where attachment '" + name + "' is kept");
            }
            tidy.add(new Attachment(name, reference));
        }
        return List.copyOf(tidy);
    }

    // ---------------------------------------------------------------- the tree

    /**
     * The parent a new child goes under: known, of the expected kind (else NOT_FOUND naming the kind),
     * locked as a parent until the command commits.
     */
    static Entry requireParent(NomenclatureCatalogue catalogue, String field, UUID id, ItemKind kind) {
        if (id == null) {
            throw CommandRejected.invalid(field, "REQUIRED", "The " + kindName(kind).toLowerCase(Locale.ROOT) + " is required");
        }
        catalogue.lockShared(id);
        Entry parent = catalogue.entry(id).orElse(null);
        if (parent == null || parent.kind() != EntryKind.of(kind)) {
            throw CommandRejected.notFound(field, id, kindName(kind));
        }
        return parent;
    }

    /** The parent and its own parent must still be proposed or approved (each locked as a parent). */
    static void requireLiveChain(NomenclatureCatalogue catalogue, String field, Entry parent) {
        for (Entry cursor = parent; cursor != null; cursor = next(catalogue, cursor)) {
            if (!cursor.isLive()) {
                throw new CommandRejected(CommandRejected.Reason.INVALID, field, "PARENT_NOT_LIVE", cursor.label()
                        + " is " + cursor.statusWord() + ": nothing new can be proposed or accepted under it",
                        Map.of("parentId", cursor.id().toString(), "status", cursor.status()));
            }
        }
    }

    private static Entry next(NomenclatureCatalogue catalogue, Entry cursor) {
        if (cursor.parentId() == null) {
            return null;
        }
        catalogue.lockShared(cursor.parentId());
        return catalogue.entry(cursor.parentId()).orElse(null);
    }

    /** The activity an item belongs to (itself for an activity, its task's activity for a document). */
    static Entry activityOf(NomenclatureCatalogue catalogue, Entry entry) {
        Entry cursor = entry;
        while (cursor != null && cursor.kind() != EntryKind.ACTIVITY) {
            cursor = cursor.parentId() == null ? null : catalogue.entry(cursor.parentId()).orElse(null);
        }
        return cursor;
    }

    /** INVALID DUPLICATE_NAME when a sibling of the same kind already has the name's key (but {@code except}). */
    static void requireUniqueItemName(NomenclatureCatalogue catalogue, ItemKind kind, Entry parent, String name,
                                      UUID except) {
        Entry clash = catalogue.named(EntryKind.of(kind), kind == ItemKind.ACTIVITY ? null : parent.id(), null,
                ro.marc.events.text.RomanianText.nameKey(name)).orElse(null);
        if (clash != null && !clash.id().equals(except)) {
            String where = parent == null || kind == ItemKind.ACTIVITY ? "" : " under '" + parent.name() + "'";
            throw new CommandRejected(CommandRejected.Reason.INVALID, "name", "DUPLICATE_NAME", "There is already a "
                    + kindName(kind).toLowerCase(Locale.ROOT) + where + " named '" + clash.name() + "' ("
                    + clash.statusWord() + ")", Map.of("id", clash.id().toString()));
        }
    }

    // ---------------------------------------------------------------- who acts

    /**
     * "Only under work units assigned to them": unless the actor acts nationally, every work unit must be held by
     * their structure (FORBIDDEN WORK_UNIT_NOT_HELD) and, for a working-group role acting for their own structure
     * while it has an active plan, assigned to them by that plan (FORBIDDEN WORK_UNIT_NOT_ASSIGNED; an integrity
     * counsellor following the member workflow, A103: every work unit of the structure). Without an active plan,
     * and for a territorial administrator acting for a structure of their counties, the structure's work units.
     */
    static void requireWorkUnitsHeld(OrgFacts org, ActivePlans plans, Actor actor, String field, Collection<UUID> workUnitIds) {
        if (actor.national()) {
            return;
        }
        OrgFacts.OrgUnitFact unit = org.orgUnit(actor.orgUnitId()).orElse(null);
        Optional<PlanFact> plan = planDeciding(plans, actor);
        for (UUID workUnit : workUnitIds) {
            if (workUnit == null) {
                continue;
            }
            if (unit == null || !unit.holds(workUnit)) {
                throw CommandRejected.forbidden(field, "WORK_UNIT_NOT_HELD", workUnit,
                        "Work unit " + workUnit + " is not held by your structure: propose only under its work units");
            }
            if (plan.isPresent() && !plan.get().assigns(accountId(actor), workUnit, unit::holds)) {
                throw CommandRejected.forbidden(field, "WORK_UNIT_NOT_ASSIGNED", workUnit, "Work unit " + workUnit
                        + " is not assigned to you in your structure's active plan: propose only under your work units");
            }
        }
    }

    /**
     * A parent (or the activity of a cause) the actor may use: they see it (approved or inactive, their own
     * proposal, a proposal of one of their counties, or every proposal) — else FORBIDDEN PROPOSAL_NOT_VISIBLE;
     * and, unless they act nationally, its activity shares a work unit with their structure (with the work units
     * the structure's active plan assigns them, see {@link #requireWorkUnitsHeld}) — else FORBIDDEN
     * NO_SHARED_WORK_UNIT.
     */
    static void requireUsable(NomenclatureCatalogue catalogue, OrgFacts org, ActivePlans plans, Actor actor, String field,
                              Entry entry) {
        requireVisible(org, actor, field, entry);
        if (actor.national()) {
            return;
        }
        Entry activity = activityOf(catalogue, entry);
        OrgFacts.OrgUnitFact unit = org.orgUnit(actor.orgUnitId()).orElse(null);
        if (activity == null || unit == null || activity.workUnitIds().stream().noneMatch(unit::holds)) {
            throw CommandRejected.forbidden(field, "NO_SHARED_WORK_UNIT", entry.id(), entry.label()
                    + " belongs to no work unit of your structure");
        }
        Optional<PlanFact> plan = planDeciding(plans, actor);
        if (plan.isPresent() && activity.workUnitIds().stream()
                .noneMatch(w -> unit.holds(w) && plan.get().assigns(accountId(actor), w, unit::holds))) {
            throw CommandRejected.forbidden(field, "NO_SHARED_WORK_UNIT", entry.id(), entry.label()
                    + " belongs to no work unit assigned to you in your structure's active plan");
        }
    }

    /**
     * The active plan that decides the actor's work units: their own structure's, when they act for it (not
     * nationally, not as a territorial administrator for a structure of their counties); else empty.
     */
    /** No structure has an active plan: the structure's work units decide (what is already used stays usable). */
    static final ActivePlans NO_PLAN = new ActivePlans() {
        @Override
        public Optional<PlanFact> activePlanOf(UUID orgUnitId) {
            return Optional.empty();
        }

        @Override
        public Optional<PlanFact> plan(UUID planId) {
            return Optional.empty();
        }
    };

    private static Optional<PlanFact> planDeciding(ActivePlans plans, Actor actor) {
        if (actor.national() || actor.forCounty()) {
            return Optional.empty();
        }
        return plans.activePlanOf(actor.orgUnitId());
    }

    /** The actor's account id; null when the user id is not one (then no plan assigns them anything). */
    private static UUID accountId(Actor actor) {
        try {
            return UUID.fromString(actor.userId());
        } catch (IllegalArgumentException | NullPointerException notAnAccount) {
            return null;
        }
    }

    /** The actor sees the entry: it is national (approved or inactive), or a proposal they may read. */
    static void requireVisible(OrgFacts org, Actor actor, String field, Entry entry) {
        ItemStatus status = entry.itemStatus();
        if (status == ItemStatus.APPROVED || status == ItemStatus.INACTIVE || actor.seesAllProposals()
                || actor.userId().equals(entry.proposerUserId())) {
            return;
        }
        County county = entry.proposerOrgUnitId() == null ? null
                : org.orgUnit(entry.proposerOrgUnitId()).map(OrgFacts.OrgUnitFact::county).orElse(null);
        if (county == null || !actor.counties().contains(county)) {
            throw CommandRejected.forbidden(field, "PROPOSAL_NOT_VISIBLE", entry.id(), entry.label()
                    + " is a proposal you cannot see");
        }
    }
}

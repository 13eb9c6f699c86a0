package ro.marc.command.incident;

import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.PersonalData;
import ro.marc.command.common.Texts;
import ro.marc.command.nomenclature.NomenclatureCatalogue;
import ro.marc.command.nomenclature.NomenclatureCatalogue.Entry;
import ro.marc.command.nomenclature.NomenclatureCatalogue.EntryKind;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.org.OrgFacts.OrgUnitFact;
import ro.marc.command.org.OrgFacts.WorkUnitFact;
import ro.marc.events.incident.CategoryRecord;
import ro.marc.events.incident.InvolvedPerson;
import ro.marc.events.incident.PersonCategory;
import ro.marc.events.incident.RiskLink;
import ro.marc.events.nomenclature.ItemStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules on a risk link (§4.4, UCA 51), and the names it resolves: only an existing association of the
 * nomenclature — the org unit holds the work unit, the activity is an approved, active ACTIVITY whose work
 * units contain it, the risk an approved, active RISK of that activity. An entry deactivated since the link
 * named it may stay when the link is revised ({@code alreadyUsed}). Per category (each at most once): the
 * persons (material acts 1–10,000, an outcome ≤ 500, a period ≤ 200) and up to five additional fields
 * (≤ 500, blank ones dropped). No personal data in any text.
 */
final class RiskLinkRules {

    static final int MAX_ACTS = 10_000;
    static final int MAX_OUTCOME = 500;
    static final int MAX_PERIOD = 200;
    static final int MAX_ADDITIONAL = 500;
    /** Persons of one category in one case: a handful; this only bounds a hostile input. */
    static final int MAX_PERSONS = 200;

    private RiskLinkRules() {
    }

    /**
     * The link, tidied and named, or a typed refusal.
     *
     * @param incidentOrgUnitId the incident's structure, when the command names none
     * @param alreadyUsed       the activity and risk the link named before (revisions), else empty
     */
    static RiskLink link(OrgFacts org, NomenclatureCatalogue catalogue, UUID linkId, UUID orgUnitId, UUID incidentOrgUnitId,
                         UUID workUnitId, UUID activityId, UUID riskId, List<CategoryRecord> categories,
                         Set<UUID> alreadyUsed) {
        UUID structureId = orgUnitId == null ? incidentOrgUnitId : orgUnitId;
        OrgUnitFact unit = org.orgUnit(structureId)
                .orElseThrow(() -> CommandRejected.notFound("orgUnitId", structureId, "Org unit"));
        if (workUnitId == null) {
            throw CommandRejected.invalid("workUnitId", "REQUIRED", "The work unit is required");
        }
        WorkUnitFact workUnit = org.workUnit(workUnitId)
                .orElseThrow(() -> CommandRejected.notFound("workUnitId", workUnitId, "Work unit"));
        if (!unit.holds(workUnitId)) {
            throw CommandRejected.invalid("workUnitId", "WORK_UNIT_NOT_HELD",
                    "'" + unit.name() + "' does not hold the work unit '" + workUnit.name() + "'");
        }
        Entry activity = item(catalogue, "activityId", activityId, EntryKind.ACTIVITY, alreadyUsed);
        if (!activity.workUnitIds().contains(workUnitId)) {
            throw CommandRejected.invalid("workUnitId", "WORK_UNIT_NOT_OF_ACTIVITY",
                    activity.label() + " is not an activity of the work unit '" + workUnit.name() + "'");
        }
        Entry risk = item(catalogue, "riskId", riskId, EntryKind.RISK, alreadyUsed);
        if (!activity.id().equals(risk.parentId())) {
            throw CommandRejected.invalid("riskId", "RISK_NOT_OF_ACTIVITY",
                    risk.label() + " is not one of the risks of " + activity.label());
        }
        String domainName = activity.domainId() == null ? null
                : catalogue.entry(activity.domainId()).map(Entry::name).orElse(null);
        return new RiskLink(linkId, unit.id(), unit.name(), workUnitId, workUnit.name(), activity.domainId(), domainName,
                activity.id(), activity.name(), risk.id(), risk.name(), categories(categories));
    }

    /** An APPROVED entry of {@code kind}: NOT_FOUND, WRONG_KIND, NOT_APPROVED, INACTIVE_ENTRY naming {@code field}. */
    private static Entry item(NomenclatureCatalogue catalogue, String field, UUID id, EntryKind kind, Set<UUID> alreadyUsed) {
        Entry entry = catalogue.require(field, id, kind);
        ItemStatus status = entry.itemStatus();
        if (status == ItemStatus.INACTIVE && !alreadyUsed.contains(id)) {
            throw CommandRejected.invalid(field, "INACTIVE_ENTRY", entry.label() + " is deactivated");
        }
        if (status != ItemStatus.APPROVED && status != ItemStatus.INACTIVE) {
            throw CommandRejected.invalid(field, "NOT_APPROVED",
                    entry.label() + " is " + entry.statusWord() + ": only approved entries of the nomenclature are linked");
        }
        return entry;
    }

    static List<CategoryRecord> categories(List<CategoryRecord> given) {
        List<CategoryRecord> categories = given == null ? List.of() : given;
        Set<PersonCategory> seen = EnumSet.noneOf(PersonCategory.class);
        List<CategoryRecord> tidy = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            String at = "categories[" + i + "]";
            CategoryRecord category = categories.get(i);
            if (category == null || category.category() == null) {
                throw CommandRejected.invalid(at + ".category", "REQUIRED", "The category of personnel is required");
            }
            if (!seen.add(category.category())) {
                throw CommandRejected.invalid(at + ".category", "DUPLICATE",
                        "The category " + category.category() + " is recorded twice: one record per category");
            }
            if (category.persons().size() > MAX_PERSONS) {
                throw CommandRejected.invalid(at + ".persons", "TOO_MANY",
                        category.persons().size() + " persons; at most " + MAX_PERSONS + " are allowed");
            }
            List<InvolvedPerson> persons = new ArrayList<>();
            for (int j = 0; j < category.persons().size(); j++) {
                persons.add(person(at + ".persons[" + j + "]", category.persons().get(j)));
            }
            List<String> fields = new ArrayList<>();
            for (int k = 0; k < category.additionalFields().size(); k++) {
                String field = at + ".additionalFields[" + k + "]";
                String text = Texts.optional(field, category.additionalFields().get(k), MAX_ADDITIONAL);
                if (text != null) {
                    fields.add(PersonalData.refuse(field, text));
                }
            }
            if (fields.size() > CategoryRecord.MAX_ADDITIONAL_FIELDS) {
                throw new CommandRejected(CommandRejected.Reason.INVALID, at + ".additionalFields", "TOO_MANY",
                        fields.size() + " additional fields; at most " + CategoryRecord.MAX_ADDITIONAL_FIELDS + " are allowed",
                        Map.of("limit", CategoryRecord.MAX_ADDITIONAL_FIELDS));
            }
            tidy.add(new CategoryRecord(category.category(), persons, fields));
        }
        return tidy;
    }

    private static InvolvedPerson person(String at, InvolvedPerson person) {
        if (person == null) {
            throw CommandRejected.invalid(at, "REQUIRED", "A person's record is required");
        }
        if (person.materialActs() < 1 || person.materialActs() > MAX_ACTS) {
            throw new CommandRejected(CommandRejected.Reason.INVALID, at + ".materialActs", "OUT_OF_RANGE",
                    "The number of material acts is " + person.materialActs() + "; it is between 1 and " + MAX_ACTS,
                    Map.of("min", 1, "max", MAX_ACTS));
        }
        String outcome = Texts.optional(at + ".outcome", person.outcome(), MAX_OUTCOME);
        if (outcome == null) {
            throw CommandRejected.invalid(at + ".outcome", "REQUIRED", "The outcome (soluția) is required");
        }
        PersonalData.refuse(at + ".outcome", outcome);
        String period = Texts.optionalLine(at + ".period", person.period(), MAX_PERIOD);
        PersonalData.refuse(at + ".period", period);
        return new InvolvedPerson(person.materialActs(), outcome, period);
    }
}

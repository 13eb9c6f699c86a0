package ro.marc.command.questionnaire;

import ro.marc.command.access.AccountDirectory;
import ro.marc.command.org.OrgFacts;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.questionnaire.Question;

import java.util.*;

/**
 * The named queries an answer is decided with, in memory: plans ({@link ActivePlans}), accounts
 * ({@link AccountDirectory}), org units ({@link OrgFacts}) and published questionnaire versions
 * ({@link QuestionnaireVersions}). Registered as one injectable resource.
 */
final class InMemoryQuestionnaireFacts implements ActivePlans, AccountDirectory, OrgFacts, QuestionnaireVersions {

    final Map<UUID, PlanFact> plans = new LinkedHashMap<>();
    final Map<UUID, AccountFact> accounts = new LinkedHashMap<>();
    final Map<UUID, String> orgUnits = new LinkedHashMap<>();
    final List<PublishedVersion> versions = new ArrayList<>();

    InMemoryQuestionnaireFacts plan(PlanFact plan) {
        plans.put(plan.planId(), plan);
        return this;
    }

    InMemoryQuestionnaireFacts account(AccountFact account) {
        accounts.put(account.userId(), account);
        return this;
    }

    InMemoryQuestionnaireFacts orgUnit(UUID id, String name) {
        orgUnits.put(id, name);
        return this;
    }

    InMemoryQuestionnaireFacts published(List<Question> questions) {
        versions.add(new PublishedVersion(versions.size() + 1, questions));
        return this;
    }

    @Override
    public Optional<PlanFact> activePlanOf(UUID orgUnitId) {
        return plans.values().stream().filter(p -> p.orgUnitId().equals(orgUnitId) && p.active()).findFirst();
    }

    @Override
    public Optional<PlanFact> plan(UUID planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    @Override
    public Optional<AccountFact> account(UUID userId) {
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public Optional<AccountFact> holderOf(String issuer, String subject) {
        return Optional.empty();
    }

    @Override
    public boolean anotherActiveCentralAdmin(UUID userId) {
        return true;
    }

    @Override
    public Optional<OrgUnitFact> orgUnit(UUID id) {
        return Optional.ofNullable(orgUnits.get(id))
                .map(name -> new OrgUnitFact(id, name, UUID.randomUUID(), 2, null, true, Set.of(), List.of()));
    }

    @Override
    public Optional<WorkUnitFact> workUnit(UUID id) {
        return Optional.empty();
    }

    @Override
    public Optional<PublishedVersion> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    @Override
    public Optional<PublishedVersion> version(int version) {
        return version < 1 || version > versions.size() ? Optional.empty() : Optional.of(versions.get(version - 1));
    }
}

package ro.marc.api.startup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import ro.marc.api.access.AccessBootstrap;
import ro.marc.api.common.ClusterLock;
import ro.marc.api.local.DemoAccess;
import ro.marc.api.local.DemoActivityAnalysis;
import ro.marc.api.local.DemoCampaign;
import ro.marc.api.local.DemoIncidents;
import ro.marc.api.local.DemoNomenclature;
import ro.marc.api.local.DemoOrganisation;
import ro.marc.api.local.DemoQuestionnaire;
import ro.marc.api.local.DemoRiskAssessments;
import ro.marc.api.local.DemoRiskRegister;
import ro.marc.api.methodology.MethodologyBootstrap;
import ro.marc.api.nomenclature.NomenclatureBootstrap;
import ro.marc.api.org.OrganisationBootstrap;
import ro.marc.api.questionnaire.QuestionnaireBootstrap;

/**
 * What MARC does once it runs, in order. Before this, and before the web server accepts requests,
 * Flyway migrated the schema and the command-side lookups were built from the event store
 * ({@code CommandLookups}); once the application is ready, projections a migration asked to rebuild
 * are rebuilt ({@code PendingProjectionRebuilds}).
 *
 * <p>The whole sequence runs under the {@link ClusterLock} {@value #LOCK}: when two nodes start at once the
 * second waits for the first to finish, then runs every step again and finds it done (every step is a
 * no-op once done, and completes a start that was interrupted: each says how). So the demo data and the
 * bootstraps are written once, with no lost appends between the nodes. The demo steps exist only in the
 * {@code local} profile with {@code marc.demo-data.enabled}.
 */
@Component
public class StartupSequence implements ApplicationRunner {

    static final String LOCK = "startup-sequence";

    private final OrganisationBootstrap organisation;
    private final AccessBootstrap access;
    private final NomenclatureBootstrap nomenclature;
    private final ObjectProvider<DemoOrganisation> demoOrganisation;
    private final ObjectProvider<DemoAccess> demoAccess;
    private final ObjectProvider<DemoNomenclature> demoNomenclature;
    private final ObjectProvider<DemoCampaign> demoCampaign;
    private final ObjectProvider<DemoActivityAnalysis> demoActivityAnalysis;
    private final ObjectProvider<DemoIncidents> demoIncidents;
    private final ObjectProvider<DemoRiskAssessments> demoRiskAssessments;
    private final ObjectProvider<DemoRiskRegister> demoRiskRegister;
    private final QuestionnaireBootstrap questionnaire;
    private final MethodologyBootstrap methodology;
    private final ObjectProvider<DemoQuestionnaire> demoQuestionnaire;
    private final ClusterLock lock;

    public StartupSequence(OrganisationBootstrap organisation, AccessBootstrap access, NomenclatureBootstrap nomenclature,
                           ObjectProvider<DemoOrganisation> demoOrganisation, ObjectProvider<DemoAccess> demoAccess,
                           ObjectProvider<DemoNomenclature> demoNomenclature, QuestionnaireBootstrap questionnaire,
                           ObjectProvider<DemoCampaign> demoCampaign, ObjectProvider<DemoQuestionnaire> demoQuestionnaire,
                           ObjectProvider<DemoActivityAnalysis> demoActivityAnalysis,
                           ObjectProvider<DemoIncidents> demoIncidents, MethodologyBootstrap methodology,
                           ObjectProvider<DemoRiskAssessments> demoRiskAssessments,
                           ObjectProvider<DemoRiskRegister> demoRiskRegister, ClusterLock lock) {
        this.lock = lock;
        this.methodology = methodology;
        this.questionnaire = questionnaire;
        this.demoQuestionnaire = demoQuestionnaire;
        this.organisation = organisation;
        this.access = access;
        this.nomenclature = nomenclature;
        this.demoOrganisation = demoOrganisation;
        this.demoAccess = demoAccess;
        this.demoNomenclature = demoNomenclature;
        this.demoCampaign = demoCampaign;
        this.demoActivityAnalysis = demoActivityAnalysis;
        this.demoIncidents = demoIncidents;
        this.demoRiskAssessments = demoRiskAssessments;
        this.demoRiskRegister = demoRiskRegister;
    }

    @Override
    public void run(ApplicationArguments args) {
        lock.run(LOCK, this::steps);
    }

    private void steps() {
        // 1. the root of the organisation tree: everything else hangs under it
        organisation.createRootIfMissing();
        // 2. demo: the ministry, its structures and the work units (accounts and groups need them)
        demoOrganisation.ifAvailable(DemoOrganisation::seed);
        // 3. demo: the demo users' accounts and two working groups
        demoAccess.ifAvailable(DemoAccess::seed);
        // 4. a new installation's first central administrator (no-op once any account exists)
        access.registerFirstCentralAdministrator();
        // 5. demo: the nomenclature (domains, activities, risks, reference lists, regulatory causes)
        demoNomenclature.ifAvailable(DemoNomenclature::seed);
        // 6. the methodology's impact dimensions, when the nomenclature is empty (after the demo, which defines them)
        nomenclature.defineImpactDimensionsIfEmpty();
        //    and its tables (Anexa 6–9): version 1, the defaults, when none is published yet (every profile; before
        //    anything can evaluate a risk)
        methodology.publishDefaultsIfMissing();
        // 7. the standard management questionnaire (Anexa 2), version 1, when none is published yet (every profile)
        questionnaire.publishStandardIfMissing();
        // 8. demo: the yearly campaign's plans (IPJ Cluj active, IPJ Iași draft), after the standard questionnaire
        demoCampaign.ifAvailable(DemoCampaign::seed);
        // 9. demo: answers to the questionnaire under the IPJ Cluj plan (after the demo plans): one finalised, one draft
        demoQuestionnaire.ifAvailable(DemoQuestionnaire::seed);
        // 10. demo: finalised activity analyses (Anexa 3): member.cluj's of Ordine publică, counsellor.cluj's of Ordine publică
        //     and Logistică (after the demo plans and answers)
        demoActivityAnalysis.ifAvailable(DemoActivityAnalysis::seed);
        // 11. demo: integrity incidents in Cluj, Iași and Bucharest, linked to the demo nomenclature's risks (after the
        //     active plan, so the links notify its members)
        demoIncidents.ifAvailable(DemoIncidents::seed);
        // 12. demo: risk assessments (Anexa 4) in IPJ Cluj, after the incidents (their floors hold when the risks are
        //     scored) and the methodology's version 1: high, moderate and minor finalised, one risk by two members, a draft
        demoRiskAssessments.ifAvailable(DemoRiskAssessments::seed);
        // 13. demo: IPJ Cluj's risk register (Anexa 10) from those finalised assessments, saved with deadlines, its
        //     monitoring (measures done, indicator values once their period has begun) and an imported workbook
        demoRiskRegister.ifAvailable(DemoRiskRegister::seed);
    }
}

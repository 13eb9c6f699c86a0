package ro.marc.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module arrows of docs/architecture.md: events knows nobody; command-side and query-side
 * know events only, never each other; only api sees everything; nothing production depends on ops.
 * Inside the modules, the capabilities (org, access, nomenclature, ...) keep to themselves: another
 * capability's facts come through a named query, never through its classes or tables
 * ({@link TableOwnershipTest}); what only a developer's machine runs stays in {@code api.local}.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ro.marc");
    }

    @Test
    void events_depend_on_no_other_module_and_not_on_spring() {
        noClasses().that().resideInAPackage("ro.marc.events..")
                .should().dependOnClassesThat().resideInAnyPackage("ro.marc.command..", "ro.marc.query..",
                        "ro.marc.api..", "ro.marc.ops..", "org.springframework..")
                .check(classes);
    }

    @Test
    void events_use_axon_for_annotations_only() {
        noClasses().that().resideInAPackage("ro.marc.events..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.axonframework..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.ANNOTATIONS)))
                .check(classes);
    }

    @Test
    void command_side_does_not_know_the_query_side_or_the_api() {
        noClasses().that().resideInAPackage("ro.marc.command..")
                .should().dependOnClassesThat().resideInAnyPackage("ro.marc.query..", "ro.marc.api..", "ro.marc.ops..")
                .check(classes);
    }

    @Test
    void query_side_does_not_know_the_command_side_or_the_api() {
        noClasses().that().resideInAPackage("ro.marc.query..")
                .should().dependOnClassesThat().resideInAnyPackage("ro.marc.command..", "ro.marc.api..", "ro.marc.ops..")
                .check(classes);
    }

    @Test
    void the_application_does_not_depend_on_ops() {
        noClasses().that().resideInAPackage("ro.marc.api..")
                .should().dependOnClassesThat().resideInAPackage("ro.marc.ops..")
                .check(classes);
    }

    @Test
    void command_side_capabilities_meet_only_through_named_queries() {
        slices().matching("ro.marc.command.(*)..").should().notDependOnEachOther()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.."),
                        JavaClass.Predicates.resideInAPackage("ro.marc.command.common.."))
                // the organisation's facts other capabilities' rules need (org unit exists, holds a work unit)
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.org.OrgFacts.class))
                // the yearly campaign's named queries: accounts (respondent's structure and roles, G04), working-group
                // membership (plan members) and the active plan ("no Anexa 2, 3 or 4 without an active plan", and only for
                // the work units it assigns: PlanAssignments)
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.access.AccountDirectory.class,
                                ro.marc.command.access.WorkingGroupDirectory.class, ro.marc.command.plan.ActivePlans.class,
                                ro.marc.command.plan.PlanAssignments.class))
                // the activity analysis (Anexa 3) asks the nomenclature for the entries a member selects
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.analysis.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.nomenclature.NomenclatureCatalogue.class))
                // integrity incidents: their links name nomenclature associations; the risk assessment (Anexa 4) asks
                // whether a risk materialised (§2.2.3.3) through the incidents' named query
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.incident.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.nomenclature.NomenclatureCatalogue.class))
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.incident.MaterialisedRisks.class))
                // the risk assessment (Anexa 4): the risk and effects from the nomenclature, the causes of its activity
                // (Anexa 5), the activities its member selected (Anexa 3) and the methodology it is scored with
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.assessment.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.nomenclature.NomenclatureCatalogue.class,
                                ro.marc.command.nomenclature.RegulatoryCauses.class,
                                ro.marc.command.analysis.AnalysedActivities.class,
                                ro.marc.command.methodology.Methodologies.class))
                // the register (Anexa 10) and the monitoring (§2.4): the finalised assessments, the measures' schedules
                // of the saved register (the monitoring and the re-evaluation wait for them), what reminders are due
                .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("ro.marc.command.register..", "ro.marc.command.monitoring.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.assessment.FinalisedAssessments.class))
                .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("ro.marc.command.assessment..", "ro.marc.command.monitoring.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.register.MeasureSchedules.class))
                // UCA 80: an assessment's next edition starts with the measures its monitoring kept as existing
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.command.assessment.."),
                        JavaClass.Predicates.belongToAnyOf(ro.marc.command.monitoring.KeptMeasures.class))
                .check(classes);
    }

    @Test
    void query_side_capabilities_do_not_use_each_others_classes() {
        slices().matching("ro.marc.query.(*)..").should().notDependOnEachOther()
                // shared plumbing, no capability's facts: paging and scopes, the event-store history, Elasticsearch writes
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("ro.marc.query.."),
                        JavaClass.Predicates.resideInAnyPackage("ro.marc.query.common..", "ro.marc.query.history..",
                                "ro.marc.query.search.."))
                .check(classes);
    }

    @Test
    void readers_answer_from_one_snapshot() {
        // ReadSnapshot: one view, one moment of the read model (a version with the children it had)
        classes().that().haveSimpleNameEndingWith("Queries").and().areAnnotatedWith(org.springframework.stereotype.Component.class)
                .should().beAnnotatedWith(ro.marc.query.common.ReadSnapshot.class)
                .check(classes);
    }

    @Test
    void developer_only_code_is_loaded_by_the_local_profile_only() {
        classes().that().resideInAPackage("ro.marc.api.local..")
                .and().areAnnotatedWith(org.springframework.stereotype.Component.class)
                .or().resideInAPackage("ro.marc.api.local..").and().areAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .or().resideInAPackage("ro.marc.api.local..").and().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().beAnnotatedWith(org.springframework.context.annotation.Profile.class)
                .check(classes);
        noClasses().that().resideOutsideOfPackage("ro.marc.api.local..")
                // the start-up sequence runs the demo steps when the profile provides them; token validation trusts
                // the dev signer when the profile provides it
                .and().doNotHaveFullyQualifiedName("ro.marc.api.startup.StartupSequence")
                .and().doNotHaveFullyQualifiedName("ro.marc.api.security.TokenValidation")
                .should().dependOnClassesThat().resideInAPackage("ro.marc.api.local..")
                .check(classes);
    }
}

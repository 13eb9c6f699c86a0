package ro.marc.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module arrows of docs/architecture.md: events knows nobody; command-side and query-side
 * know events only, never each other; only api sees everything; nothing production depends on ops.
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
}

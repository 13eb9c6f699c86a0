package ro.marc.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table belongs to one capability of one module, and only that capability's code names it in SQL:
 * a capability that needs another's facts asks it (a named query, an event), it does not read its tables.
 * A new table must be given its owner here. The exceptions are listed with their reason.
 */
class TableOwnershipTest {

    /** table → the package that owns it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("command_lookup_build", "ro.marc.command.common"),
            Map.entry("org_unit_lookup", "ro.marc.command.org"),
            Map.entry("work_unit_lookup", "ro.marc.command.org"),
            Map.entry("org_unit_work_unit_lookup", "ro.marc.command.org"),
            Map.entry("account_access", "ro.marc.command.access"),
            Map.entry("account_access_role", "ro.marc.command.access"),
            Map.entry("working_group_lookup", "ro.marc.command.access"),
            Map.entry("nomenclature_entry_lookup", "ro.marc.command.nomenclature"),
            Map.entry("working_group_member_lookup", "ro.marc.command.access"),
            Map.entry("plan_lookup", "ro.marc.command.plan"),
            Map.entry("plan_member_lookup", "ro.marc.command.plan"),
            Map.entry("incident_lookup", "ro.marc.command.incident"),
            Map.entry("incident_risk_link_lookup", "ro.marc.command.incident"),
            Map.entry("incident_document_lookup", "ro.marc.command.incident"),
            Map.entry("incident_file", "ro.marc.command.incident"),
            Map.entry("analysis_selection_lookup", "ro.marc.command.analysis"),
            Map.entry("regulatory_cause_lookup", "ro.marc.command.nomenclature"),
            Map.entry("measure_due_lookup", "ro.marc.command.monitoring"),
            Map.entry("measure_due_hold", "ro.marc.command.monitoring"),
            Map.entry("kept_measure_lookup", "ro.marc.command.monitoring"),
            Map.entry("org_unit", "ro.marc.query.org"),
            Map.entry("org_unit_work_unit", "ro.marc.query.org"),
            Map.entry("work_unit", "ro.marc.query.org"),
            Map.entry("app_user", "ro.marc.query.access"),
            Map.entry("app_user_role", "ro.marc.query.access"),
            Map.entry("app_user_transfer", "ro.marc.query.access"),
            Map.entry("working_group", "ro.marc.query.access"),
            Map.entry("working_group_member", "ro.marc.query.access"),
            Map.entry("working_group_member_work_unit", "ro.marc.query.access"),
            Map.entry("nomenclature_domain", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_item", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_item_work_unit", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_attachment", "ro.marc.query.nomenclature"),
            Map.entry("reference_entry", "ro.marc.query.nomenclature"),
            Map.entry("regulatory_cause", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_org_unit_county", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_search_work_unit", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_search_org_unit", "ro.marc.query.nomenclature"),
            Map.entry("nomenclature_search_child", "ro.marc.query.nomenclature"),
            Map.entry("notification", "ro.marc.query.notification"),
            Map.entry("notification_account", "ro.marc.query.notification"),
            Map.entry("notification_org_unit", "ro.marc.query.notification"),
            Map.entry("notification_work_unit", "ro.marc.query.notification"),
            Map.entry("notification_item", "ro.marc.query.notification"),
            Map.entry("notification_plan", "ro.marc.query.notification"),
            Map.entry("notification_plan_member", "ro.marc.query.notification"),
            Map.entry("notification_org_unit_work_unit", "ro.marc.query.notification"),
            Map.entry("notification_incident", "ro.marc.query.notification"),
            Map.entry("plan", "ro.marc.query.plan"),
            Map.entry("plan_member", "ro.marc.query.plan"),
            Map.entry("plan_edition", "ro.marc.query.plan"),
            Map.entry("plan_history", "ro.marc.query.plan"),
            Map.entry("questionnaire_question_lookup", "ro.marc.command.questionnaire"),
            Map.entry("questionnaire_version", "ro.marc.query.questionnaire"),
            Map.entry("questionnaire_question", "ro.marc.query.questionnaire"),
            Map.entry("questionnaire_answer", "ro.marc.query.questionnaire"),
            Map.entry("questionnaire_answer_item", "ro.marc.query.questionnaire"),
            Map.entry("document", "ro.marc.query.document"),
            Map.entry("document_content", "ro.marc.query.document"),
            Map.entry("document_owner", "ro.marc.query.document"),
            Map.entry("domain_event_entry", "ro.marc.query.history"),
            Map.entry("access_audit", "ro.marc.api.audit"),
            Map.entry("access_audit_archive", "ro.marc.api.audit"),
            Map.entry("dead_letter_entry", "ro.marc.api.projection"),
            Map.entry("token_entry", "ro.marc.api.projection"),
            Map.entry("projection_rebuild_pending", "ro.marc.api.projection"),
            Map.entry("scheduled_tasks", "ro.marc.api.scheduling"),
            Map.entry("activity_analysis", "ro.marc.query.analysis"),
            Map.entry("activity_analysis_selected", "ro.marc.query.analysis"),
            Map.entry("incident", "ro.marc.query.incident"),
            Map.entry("incident_risk_link", "ro.marc.query.incident"),
            Map.entry("incident_document", "ro.marc.query.incident"),
            Map.entry("risk_assessment", "ro.marc.query.assessment"),
            Map.entry("risk_assessment_evaluation", "ro.marc.query.assessment"),
            Map.entry("assessment_search_text", "ro.marc.query.assessment"),
            Map.entry("methodology_lookup", "ro.marc.command.methodology"),
            Map.entry("assessment_edition_lookup", "ro.marc.command.assessment"),
            Map.entry("measure_schedule_lookup", "ro.marc.command.register"),
            Map.entry("measure_schedule_plan_lookup", "ro.marc.command.register"),
            Map.entry("methodology_version", "ro.marc.query.methodology"),
            Map.entry("risk_register", "ro.marc.query.register"),
            Map.entry("risk_register_measure", "ro.marc.query.register"),
            Map.entry("risk_register_assessment", "ro.marc.query.register"),
            Map.entry("risk_register_evaluation", "ro.marc.query.register"),
            Map.entry("register_monitoring", "ro.marc.query.register"),
            Map.entry("register_monitoring_measure", "ro.marc.query.register"),
            Map.entry("register_monitoring_value", "ro.marc.query.register"));

    /** "package reads table": the known exceptions, each with its reason. */
    private static final Set<String> EXCEPTIONS = Set.of(
            // Queries that filter by the caller's reach join the org tree's materialised paths (OrgScope.sql):
            // the scope is the organisation's fact, read at query time, never copied.
            "ro.marc.api.audit reads org_unit",
            "ro.marc.query.access reads org_unit",
            "ro.marc.query.nomenclature reads org_unit_work_unit",
            "ro.marc.query.analysis reads org_unit",
            "ro.marc.query.plan reads org_unit",
            "ro.marc.query.questionnaire reads org_unit",
            "ro.marc.query.incident reads org_unit",
            "ro.marc.query.assessment reads org_unit",
            "ro.marc.query.register reads org_unit",
            // IncidentQueries (issue 12), at query time only: the approved vulnerable activities of work units (counts
            // by activity, INCIDENT_READ_LINKED) are the nomenclature's fact, and the recorder's name the accounts'.
            "ro.marc.query.incident reads nomenclature_item",
            "ro.marc.query.incident reads nomenclature_item_work_unit",
            "ro.marc.query.incident reads nomenclature_domain",
            "ro.marc.query.incident reads app_user");
    // Projections read no other processor's tables (issue 10): each keeps the facts it needs from its own
    // events, in its own tables (nomenclature_org_unit_county, nomenclature_search_*, notification_*).

    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TRUNCATE|TABLE)\\s+([a-z][a-z_]+)\\b");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    @Test
    void only_the_owning_capability_names_a_table_in_sql() throws IOException {
        List<String> strangers = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (Path source : mainSources()) {
            String text = Files.readString(source);
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            String capability = capabilityOf(pkg.group(1));
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                String name = table.group(1);
                if (!name.contains("_") && !OWNERS.containsKey(name)) {
                    continue; // an English word after FROM in a comment ("from the event store")
                }
                String owner = OWNERS.get(name);
                if (owner == null) {
                    unknown.add(name + " (in " + source.getFileName() + ")");
                } else if (!owner.equals(capability) && !EXCEPTIONS.contains(capability + " reads " + name)) {
                    strangers.add(capability + " reads " + name + " (" + source.getFileName() + "), owned by " + owner);
                }
            }
        }
        assertThat(unknown).as("tables without an owner in TableOwnershipTest.OWNERS").isEmpty();
        assertThat(new TreeSet<>(strangers)).as("SQL naming another capability's table").isEmpty();
    }

    /** ro.marc.query.org.search.X → ro.marc.query.org: module and capability. */
    private static String capabilityOf(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length < 4 ? pkg : String.join(".", parts[0], parts[1], parts[2], parts[3]);
    }

    private static List<Path> mainSources() {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("command-side"))) {
            root = root.getParent(); // surefire runs in api/
        }
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("command-side", "query-side", "api")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
        return sources;
    }
}

package ro.marc.api.authorization;

import ro.marc.events.access.Role;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static ro.marc.api.authorization.Permission.*;
import static ro.marc.api.authorization.Reach.*;
import static ro.marc.events.access.Role.*;

/**
 * The rules, in one table: permission → role → reach. A role absent from a row does not hold the
 * permission. Read together with spec §1.3.1, G04, G05 and UCA 1–6; the choices the spec leaves
 * open are noted inline and in the README.
 */
public final class AccessRules {

    private static final Map<Permission, Map<Role, Reach>> RULES = new EnumMap<>(Permission.class);

    static {
        // Working-group roles see their own structure; the central counsellor its structure and all
        // below it (G04); territorial administrators their counties; auditors everything.
        rule(ORG_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT, RISK_OWNER, OWN_UNIT));
        // §1.3.1: "AT administers the org structures and users of all organisations of the county"
        rule(ORG_EDIT, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES));
        // UCA 2 names only the central administrator for manual work-unit allocation
        rule(WORK_UNIT_ASSIGN, Map.of(CENTRAL_ADMIN, NATIONAL));
        // the catalogue is the national standard every analysis selects from: everyone reads it
        rule(WORK_UNIT_CATALOGUE_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, NATIONAL,
                CENTRAL_COUNSELLOR, NATIONAL, WORKING_GROUP_HEAD, NATIONAL, INTEGRITY_COUNSELLOR, NATIONAL,
                WORKING_GROUP_MEMBER, NATIONAL, RISK_OWNER, NATIONAL));
        rule(WORK_UNIT_CATALOGUE_EDIT, Map.of(CENTRAL_ADMIN, NATIONAL));
        // heads and counsellors compose their group (Anexa 1), so they see their structure's accounts
        rule(USER_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT));
        rule(USER_ADMIN, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES));
        rule(WORKING_GROUP_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT, RISK_OWNER, OWN_UNIT));
        // UCA 3–4: central administrator for central structures; UCA 5–6: territorial administrator
        // for the county's structures (and the central administrator)
        rule(WORKING_GROUP_ADMIN, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES));
        rule(HISTORY_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES));
        rule(ACCESS_AUDIT_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL));
        // the approved nomenclature is the national standard: everyone reads it
        rule(NOMENCLATURE_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, NATIONAL,
                CENTRAL_COUNSELLOR, NATIONAL, WORKING_GROUP_HEAD, NATIONAL, INTEGRITY_COUNSELLOR, NATIONAL,
                WORKING_GROUP_MEMBER, NATIONAL, RISK_OWNER, NATIONAL));
        // AT "is notified of all activity in the county": they follow its proposals
        rule(PROPOSAL_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES));
        // "a member, head or administrator adds ... only under work units assigned to them"; an integrity
        // counsellor only with the A103 flag (follows the member workflow), see AccessPolicy; a territorial
        // administrator for a structure of their counties (forOrgUnitId), under that structure's work units
        rule(NOMENCLATURE_PROPOSE, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES, WORKING_GROUP_HEAD, OWN_UNIT,
                INTEGRITY_COUNSELLOR, OWN_UNIT, WORKING_GROUP_MEMBER, OWN_UNIT));
        rule(NOMENCLATURE_ADMIN, Map.of(CENTRAL_ADMIN, NATIONAL));
        // §2.2.3.2: "any user" of the working group may add a regulatory cause, without approval; a territorial
        // administrator for (and edits the causes of) the structures of their counties
        rule(REGULATORY_CAUSE_WRITE, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES, WORKING_GROUP_HEAD, OWN_UNIT,
                INTEGRITY_COUNSELLOR, OWN_UNIT, WORKING_GROUP_MEMBER, OWN_UNIT));
        // the yearly campaign (Anexa 1–3): a structure's plan is read by its working group and risk owners, by
        // whoever oversees the structure (central counsellor: below theirs, G04; territorial administrator: their
        // counties) and nationally by central administrators and auditors
        rule(PLAN_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT, RISK_OWNER, OWN_UNIT));
        // §2.1: "șeful grupului de lucru sau consilierul pentru integritate" draws up the plan of their structure
        rule(PLAN_EDIT, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT));
        rule(QUESTIONNAIRE_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, NATIONAL,
                CENTRAL_COUNSELLOR, NATIONAL, WORKING_GROUP_HEAD, NATIONAL, INTEGRITY_COUNSELLOR, NATIONAL,
                WORKING_GROUP_MEMBER, NATIONAL, RISK_OWNER, NATIONAL));
        // UCA 85–88: the standard questionnaire is kept by central administrators
        rule(QUESTIONNAIRE_EDIT, Map.of(CENTRAL_ADMIN, NATIONAL));
        // each member, and the head, counsellor and risk owner (G04), answers for themselves
        rule(QUESTIONNAIRE_ANSWER, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT, RISK_OWNER, OWN_UNIT));
        // §2.2.1: the head or counsellor exports the answers of the structures below; administrators any in reach
        rule(QUESTIONNAIRE_ANSWERS_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_SUBTREE, INTEGRITY_COUNSELLOR, OWN_SUBTREE));
        // the member workflow; the command side narrows it to the work units the active plan assigns the caller
        // (an integrity counsellor only with the plan's A103 flag)
        rule(ANALYSIS_WRITE, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT, WORKING_GROUP_MEMBER, OWN_UNIT));
        rule(ANALYSIS_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT));
        // integrity incidents (§4): recorded, edited and linked to risks by central administrators and by territorial
        // administrators for their counties (§4.1: "regardless of who added it"; UCA 44's head/counsellor is overruled
        // by §4.1); territorial administrators read them nationwide ("see incident documents nationwide"); a central
        // counsellor the structures below theirs (G04); a head or counsellor their own structure's, and with members
        // those linked to the activities of the work units they cover (INCIDENT_READ_LINKED)
        rule(INCIDENT_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, NATIONAL,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT));
        rule(INCIDENT_READ_LINKED, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT));
        // §4: "every structure sees the number of incidents" of the activities of its work units, ministry-wide
        rule(INCIDENT_COUNTS_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, NATIONAL,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT, RISK_OWNER, OWN_UNIT));
        rule(INCIDENT_EDIT, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES));
        rule(INCIDENT_ARCHIVE, Map.of(CENTRAL_ADMIN, NATIONAL));
        // UCA 48, 50: the evaluation report and other documents also by the head or counsellor of the structure
        rule(INCIDENT_DOCUMENT_WRITE, Map.of(CENTRAL_ADMIN, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT));
        // risk assessment (Anexa 4): the member workflow, as the activity analysis; read as the analyses are (risk owners
        // come to the register's measures with issue 14, not to the working group's drafts)
        rule(ASSESSMENT_WRITE, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT, WORKING_GROUP_MEMBER, OWN_UNIT));
        rule(ASSESSMENT_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT));
        // UCA 75–77: every role views the Anexa 6, 7, 8 tables; central administrators keep the methodology
        rule(METHODOLOGY_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, NATIONAL,
                CENTRAL_COUNSELLOR, NATIONAL, WORKING_GROUP_HEAD, NATIONAL, INTEGRITY_COUNSELLOR, NATIONAL,
                WORKING_GROUP_MEMBER, NATIONAL, RISK_OWNER, NATIONAL));
        rule(METHODOLOGY_EDIT, Map.of(CENTRAL_ADMIN, NATIONAL));
        // the register (Anexa 10, §2.3): read as the assessments are, and by the structure's risk owners, who evaluate its
        // measures (G04); generated, saved and exported / imported (A1001) by the structure's head and counsellor (§2.3:
        // "accessible only to the head and the integrity counsellor"); monitored by the member workflow (§2.4)
        rule(REGISTER_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL, TERRITORIAL_ADMIN, COUNTIES,
                CENTRAL_COUNSELLOR, OWN_SUBTREE, WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT,
                WORKING_GROUP_MEMBER, OWN_UNIT, RISK_OWNER, OWN_UNIT));
        rule(REGISTER_WRITE, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT));
        rule(MEASURE_MONITOR, Map.of(WORKING_GROUP_HEAD, OWN_UNIT, INTEGRITY_COUNSELLOR, OWN_UNIT, WORKING_GROUP_MEMBER, OWN_UNIT));
        rule(MEASURE_EVALUATE, Map.of(RISK_OWNER, OWN_UNIT));
        // operations: auditors see the projections' failures, only central administrators act on them
        rule(PROJECTION_READ, Map.of(CENTRAL_ADMIN, NATIONAL, AUDITOR, NATIONAL));
        rule(PROJECTION_ADMIN, Map.of(CENTRAL_ADMIN, NATIONAL));
    }

    /**
     * Roles a territorial administrator may grant, revoke or manage: the working roles of a county
     * structure. Central administrator, territorial administrator, central counsellor and auditor
     * are national roles, managed by central administrators only — so nobody can raise their own
     * or a peer's rights.
     */
    public static final Set<Role> TERRITORIALLY_MANAGED_ROLES =
            Set.of(WORKING_GROUP_HEAD, INTEGRITY_COUNSELLOR, WORKING_GROUP_MEMBER, RISK_OWNER);

    private AccessRules() {
    }

    private static void rule(Permission permission, Map<Role, Reach> reach) {
        RULES.put(permission, new EnumMap<>(reach));
    }

    /** The reach of a role for a permission, or null when the role does not hold it. */
    public static Reach reach(Permission permission, Role role) {
        return RULES.getOrDefault(permission, Map.of()).get(role);
    }

    public static Map<Role, Reach> row(Permission permission) {
        return Map.copyOf(RULES.getOrDefault(permission, Map.of()));
    }
}

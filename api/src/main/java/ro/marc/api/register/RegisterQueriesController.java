package ro.marc.api.register;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.common.Inputs;
import ro.marc.api.document.DocumentAccess;
import ro.marc.api.document.DocumentQueriesController;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.register.MissingAssessment;
import ro.marc.query.assessment.AssessmentQueries;
import ro.marc.query.assessment.AssessmentView;
import ro.marc.query.common.OrgScope;
import ro.marc.query.document.OwnerKind;
import ro.marc.query.register.RegisterQueries;
import ro.marc.query.register.RegisterViews.AssessmentLine;
import ro.marc.query.register.RegisterViews.MonitoringView;
import ro.marc.query.register.RegisterViews.RegisterSummary;
import ro.marc.query.register.RegisterViews.RegisterView;
import ro.marc.query.register.RegisterViews.RiskView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;

/**
 * The register (Anexa 10) and the monitoring reads. A register: REGISTER_READ over its plan's structure (members,
 * head, counsellor and risk owners their own structure's; territorial administrators their counties'; central
 * counsellors the structures below theirs; central administrators and auditors any, G04, RA01). The list is filtered
 * by that reach inside the query; naming a structure outside it is refused. A monitoring: ASSESSMENT_READ over the
 * assessment's structure, as the assessment itself. Everything is shown as the command side decided it (A402's merge,
 * the highest exposure); only "overdue" is the read model's, on the day asked.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class RegisterQueriesController {

    private final RegisterQueries registers;
    private final ActivePlans plans;
    private final AssessmentQueries assessments;
    private final DocumentAccess documents;
    private final AccessPolicy access;

    public RegisterQueriesController(RegisterQueries registers, ActivePlans plans, AssessmentQueries assessments,
                                     DocumentAccess documents, AccessPolicy access) {
        this.registers = registers;
        this.plans = plans;
        this.assessments = assessments;
        this.documents = documents;
        this.access = access;
    }

    /**
     * The plan's register; null before its first generation. The plan's structure decides the reach (the register's, or
     * the plan's before it has one); an unknown plan is null for national readers and, for the others, refused like
     * one outside their reach, so nobody learns which ids exist.
     */
    @QueryMapping
    public RegisterView riskRegister(@Argument String planId) {
        UUID plan = id("planId", planId);
        return access.readable(Permission.REGISTER_READ, "riskRegister", plan, "the plan",
                        p -> registers.orgUnitOfPlan(p).or(() -> plans.plan(p).map(ActivePlans.PlanFact::orgUnitId)), orgUnit -> orgUnit)
                .flatMap(orgUnit -> registers.register(plan)).orElse(null);
    }

    @QueryMapping
    public List<RegisterSummary> riskRegisters(@Argument List<String> orgUnitIds, @Argument Integer first) {
        String operation = "riskRegisters";
        int size = Inputs.pageSize("first", first == null ? 100 : first);
        OrgScope scope = access.require(Permission.REGISTER_READ, operation);
        List<UUID> units = Inputs.ids("orgUnitIds", orgUnitIds);
        for (UUID orgUnitId : units) {
            access.requireOrgUnit(Permission.REGISTER_READ, operation, orgUnitId);
        }
        return registers.registers(scope, units, size);
    }

    /** As {@code riskAssessment}: unknown is null for national readers, refused for the others. */
    @QueryMapping
    public MonitoringView measureMonitoring(@Argument String assessmentId) {
        UUID id = id("assessmentId", assessmentId);
        return access.readable(Permission.ASSESSMENT_READ, "measureMonitoring", id, "the assessment", assessments::orgUnitOf,
                orgUnit -> orgUnit).flatMap(orgUnit -> registers.monitoring(id)).orElse(null);
    }

    /** The assessment was read within the caller's reach: its monitoring goes with it. */
    @SchemaMapping(typeName = "RiskAssessment", field = "monitoring")
    public MonitoringView monitoring(AssessmentView view) {
        return registers.monitoring(view.id()).orElse(null);
    }

    // ---------------------------------------------------------------- fields of RiskRegister and its parts

    @SchemaMapping(typeName = "RiskRegister", field = "id")
    public UUID registerId(RegisterView view) {
        return view.registerId();
    }

    /** The PDFs of the saved editions, newest first (the documents' own reach rule: REGISTER_READ). */
    @SchemaMapping(typeName = "RiskRegister", field = "documents")
    public List<DocumentQueriesController.StoredDocumentView> documents(RegisterView view) {
        return documents.documentsOf(OwnerKind.REGISTER, view.registerId(), "riskRegister").stream()
                .map(DocumentQueriesController.StoredDocumentView::of).toList();
    }

    /**
     * The bounds of the deadlines the head sets: the saved edition's, or, for a draft (whose event does not carry
     * them), the plan's as the command side checks them (ActivePlans).
     */
    @SchemaMapping(typeName = "RiskRegister", field = "measuresStageStart")
    public LocalDate measuresStageStart(RegisterView view) {
        return view.measuresStageStart() != null ? view.measuresStageStart()
                : plans.plan(view.planId()).map(ActivePlans.PlanFact::measuresStageStart).orElse(null);
    }

    @SchemaMapping(typeName = "RiskRegister", field = "planLastDay")
    public LocalDate planLastDay(RegisterView view) {
        return view.planLastDay() != null ? view.planLastDay()
                : plans.plan(view.planId()).map(ActivePlans.PlanFact::lastDay).orElse(null);
    }

    @SchemaMapping(typeName = "RiskRegisterSummary", field = "id")
    public UUID summaryId(RegisterSummary summary) {
        return summary.registerId();
    }

    @SchemaMapping(typeName = "RegisterRisk", field = "exposure")
    public String exposure(RiskView risk) {
        return risk.highest() == null ? null : risk.highest().exposure().toPlainString();
    }

    @SchemaMapping(typeName = "RegisterRisk", field = "priority")
    public Integer priority(RiskView risk) {
        return risk.highest() == null ? null : risk.highest().priority();
    }

    @SchemaMapping(typeName = "RegisterRisk", field = "riskClass")
    public RiskClass riskClass(RiskView risk) {
        return risk.highest() == null ? null : risk.highest().riskClass();
    }

    @SchemaMapping(typeName = "RegisterRisk", field = "interventionTerm")
    public String interventionTerm(RiskView risk) {
        return risk.highest() == null ? null : risk.highest().interventionTerm();
    }

    @SchemaMapping(typeName = "RegisterAssessment", field = "memberId")
    public UUID memberId(AssessmentLine line) {
        return line.memberUserId();
    }

    @SchemaMapping(typeName = "RegisterAssessment", field = "probability")
    public Integer probability(AssessmentLine line) {
        RiskEvaluation e = line.evaluation();
        return e == null ? null : e.probability();
    }

    @SchemaMapping(typeName = "RegisterAssessment", field = "globalImpact")
    public String globalImpact(AssessmentLine line) {
        RiskEvaluation e = line.evaluation();
        return e == null ? null : e.globalImpact().toPlainString();
    }

    @SchemaMapping(typeName = "RegisterAssessment", field = "exposure")
    public String exposure(AssessmentLine line) {
        RiskEvaluation e = line.evaluation();
        return e == null ? null : e.exposure().toPlainString();
    }

    @SchemaMapping(typeName = "RegisterAssessment", field = "priority")
    public Integer priority(AssessmentLine line) {
        RiskEvaluation e = line.evaluation();
        return e == null ? null : e.priority();
    }

    @SchemaMapping(typeName = "RegisterAssessment", field = "riskClass")
    public RiskClass riskClass(AssessmentLine line) {
        RiskEvaluation e = line.evaluation();
        return e == null ? null : e.riskClass();
    }

    @SchemaMapping(typeName = "MissingAssessment", field = "memberId")
    public UUID memberId(MissingAssessment missing) {
        return missing.memberUserId();
    }
}

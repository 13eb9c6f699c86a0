package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.AnalysedTask;
import ro.marc.events.analysis.AnalysisIds;
import ro.marc.events.analysis.CollaborationRelation;
import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.analysis.command.FinaliseActivityAnalysis;
import ro.marc.events.analysis.command.SaveActivityAnalysis;
import ro.marc.events.analysis.command.StartActivityAnalysis;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.nomenclature.ReferenceList;

import java.util.List;
import java.util.UUID;

import static ro.marc.api.local.DemoNomenclature.activityId;
import static ro.marc.api.local.DemoNomenclature.documentId;
import static ro.marc.api.local.DemoNomenclature.referenceEntryId;
import static ro.marc.api.local.DemoNomenclature.taskId;

/**
 * Demo data: finalised activity analyses (Anexa 3) under IPJ Cluj's active plan, from the demo nomenclature's
 * activities, tasks, documents and reference lists — member.cluj's of "Ordine publică", and integrity counsellor
 * counsellor.cluj's (A103: every work unit of the structure) of "Ordine publică" and "Logistică", so that the
 * demo risk assessments (Anexa 4, {@link DemoRiskAssessments}) have activities to be about: the same risk by
 * two members (A402) and a risk with an incident in another structure. Sent as commands (start, save,
 * finalise). A step of {@link ro.marc.api.startup.StartupSequence}, after the demo plans; it continues from
 * wherever an interrupted start left an analysis, and does nothing for one that is finalised.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoActivityAnalysis {

    private static final Logger log = LoggerFactory.getLogger(DemoActivityAnalysis.class);

    public static final UUID PLAN = DemoOrganisation.id("plan:IPJ Cluj 2026");
    public static final UUID WORK_UNIT = DemoOrganisation.id("wu:Ordine publică");
    public static final UUID MEMBER = DemoAccess.userId("member.cluj");
    public static final UUID ANALYSIS = AnalysisIds.of(PLAN, MEMBER, WORK_UNIT);
    public static final UUID COUNSELLOR = DemoAccess.userId("counsellor.cluj");
    public static final UUID LOGISTICS = DemoOrganisation.id("wu:Logistică");
    /** counsellor.cluj's analysis of Ordine publică: the fines activity only. */
    public static final UUID COUNSELLOR_PUBLIC_ORDER = AnalysisIds.of(PLAN, COUNSELLOR, WORK_UNIT);
    /** counsellor.cluj's analysis of Logistică: fuel management. */
    public static final UUID COUNSELLOR_LOGISTICS = AnalysisIds.of(PLAN, COUNSELLOR, LOGISTICS);

    static final String CONTRAVENTII = "Constatarea și sancționarea contravențiilor";
    static final String ARME = "Eliberarea permiselor de armă și autorizarea deținerii armelor";
    static final String CARBURANT = "Gestionarea carburanților și lubrifianților";

    /** One demo analysis: whose, of which work unit, with what. */
    private record Demo(UUID analysisId, UUID memberUserId, UUID workUnitId, List<AnalysedActivity> content, String label) {
    }

    private static List<Demo> demos() {
        return List.of(new Demo(ANALYSIS, MEMBER, WORK_UNIT, content(), "member.cluj, Ordine publică"),
                new Demo(COUNSELLOR_PUBLIC_ORDER, COUNSELLOR, WORK_UNIT, List.of(content().getFirst()),
                        "counsellor.cluj, Ordine publică"),
                new Demo(COUNSELLOR_LOGISTICS, COUNSELLOR, LOGISTICS, logistics(), "counsellor.cluj, Logistică"));
    }

    private final EventStore eventStore;
    private final CommandSender commands;
    private final ActivePlans plans;

    public DemoActivityAnalysis(EventStore eventStore, CommandSender commands, ActivePlans plans) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.plans = plans;
    }

    /** The analysis' content: two activities of Ordine publică, their tasks, documents and relations. */
    public static List<AnalysedActivity> content() {
        String pv = "Întocmirea proceselor-verbale de constatare și sancționare a contravențiilor";
        String amenzi = "Încasarea amenzilor pe loc, în cazurile prevăzute de lege";
        String verificare = "Verificarea îndeplinirii condițiilor legale de către solicitant";
        return List.of(
                new AnalysedActivity(activityId(CONTRAVENTII), List.of(
                        new AnalysedTask(taskId(CONTRAVENTII, pv), Periodicity.DAILY, List.of(
                                documentId(CONTRAVENTII, pv, "Proces-verbal de constatare și sancționare a contravenției"),
                                documentId(CONTRAVENTII, pv, "Registru de evidență a proceselor-verbale de contravenție"))),
                        new AnalysedTask(taskId(CONTRAVENTII, amenzi), Periodicity.DAILY, List.of(
                                documentId(CONTRAVENTII, amenzi, "Chitanță de încasare a amenzii contravenționale")))),
                        List.of(new CollaborationRelation(Direction.SENDS_TO, null,
                                referenceEntryId(ReferenceList.EXTERNAL_PARTNER, "Autoritățile administrației publice locale"),
                                "Transmiterea proceselor-verbale neachitate spre executare silită",
                                "O.G. nr. 2/2001 privind regimul juridic al contravențiilor", List.of(
                                referenceEntryId(ReferenceList.MATERIAL_MEANS, "Formulare tipizate cu regim special"),
                                referenceEntryId(ReferenceList.MATERIAL_MEANS, "Camere video portabile (body-cam)"))))),
                new AnalysedActivity(activityId(ARME), List.of(
                        new AnalysedTask(taskId(ARME, verificare), Periodicity.PER_CASE, List.of(
                                documentId(ARME, verificare, "Cerere de eliberare a permisului de armă"),
                                documentId(ARME, verificare, "Certificat medical și aviz psihologic")))),
                        List.of(new CollaborationRelation(Direction.RECEIVES_FROM, null,
                                referenceEntryId(ReferenceList.EXTERNAL_PARTNER, "Unitățile sanitare"),
                                "Certificatele medicale și avizele psihologice ale solicitanților",
                                "Legea nr. 295/2004 privind regimul armelor și al munițiilor", List.of()))));
    }

    /** counsellor.cluj's Logistică: fuel management, its two tasks and their registers. */
    static List<AnalysedActivity> logistics() {
        String bonuri = "Distribuirea bonurilor valorice și a cardurilor de carburant";
        String consum = "Calculul și justificarea consumului de carburant";
        return List.of(new AnalysedActivity(activityId(CARBURANT), List.of(
                new AnalysedTask(taskId(CARBURANT, bonuri), Periodicity.DAILY, List.of(
                        documentId(CARBURANT, bonuri, "Registru de evidență a bonurilor valorice de carburant"),
                        documentId(CARBURANT, bonuri, "Foaie de parcurs"))),
                new AnalysedTask(taskId(CARBURANT, consum), Periodicity.MONTHLY, List.of(
                        documentId(CARBURANT, consum, "Situație lunară a consumului de carburant")))),
                List.of()));
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        if (plans.activePlanOf(plans.plan(PLAN).map(ActivePlans.PlanFact::orgUnitId).orElse(new UUID(0, 0)))
                .filter(p -> p.planId().equals(PLAN)).isEmpty()) {
            log.warn("Demo activity analyses skipped: IPJ Cluj's demo plan {} is not active", PLAN);
            return;
        }
        demos().forEach(this::seed);
    }

    /** Start, save, finalise: each sent once, at the version the previous one left. */
    private void seed(Demo demo) {
        UUID id = demo.analysisId();
        for (int step = 0; step < 3; step++) {
            long version = version(id);
            if (version == 0) {
                commands.sendAsSystemOnce(new StartActivityAnalysis(id, PLAN, demo.workUnitId(), demo.memberUserId()),
                        () -> version(id) > 0);
            } else if (version == 1) {
                commands.sendAsSystemOnce(new SaveActivityAnalysis(id, demo.content(), 1), () -> version(id) > 1);
            } else if (version == 2) {
                commands.sendAsSystemOnce(new FinaliseActivityAnalysis(id, 2), () -> version(id) > 2);
                log.info("Demo activity analysis finalised: {}, IPJ Cluj 2026 ({})", demo.label(), id);
            }
        }
    }

    private long version(UUID analysisId) {
        return DemoAccess.version(eventStore, analysisId);
    }
}

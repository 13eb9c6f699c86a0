package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.plan.ActivePlans;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.command.EvaluateRisk;
import ro.marc.events.assessment.command.FinaliseRiskAssessment;
import ro.marc.events.assessment.command.SaveRiskAssessmentDraft;
import ro.marc.events.assessment.command.StartRiskAssessment;
import ro.marc.events.assessment.event.RiskAssessmentDraftSaved;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.assessment.event.RiskAssessmentStarted;
import ro.marc.events.assessment.event.RiskEvaluated;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.nomenclature.ReferenceList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static ro.marc.api.local.DemoNomenclature.activityId;
import static ro.marc.api.local.DemoNomenclature.referenceEntryId;
import static ro.marc.api.local.DemoNomenclature.riskId;

/**
 * Demo data: risk assessments (Anexa 4, issue 13) under IPJ Cluj's active plan, on the activities the demo
 * analyses (Anexa 3, {@link DemoActivityAnalysis}) selected, sent as commands on behalf of their members:
 * <ul>
 *   <li>{@link #HIGH}: member.cluj, Ordine publică → fines → bribes for not applying the fine: an incident of IPJ
 *       Cluj itself is linked to the risk ({@link DemoIncidents#CLUJ_CONVICTION}), so only P 4–5; scored twice
 *       (P 5, then 4: the history keeps both), exposure 16.00, high, priority 1; existing and additional
 *       measures, a regulatory cause; finalised.</li>
 *   <li>{@link #MODERATE}: counsellor.cluj, the same risk (A402: analysed by two members), exposure 10.00,
 *       moderate, priority 2, with its required additional measure; finalised.</li>
 *   <li>{@link #MINOR}: counsellor.cluj, Logistică → fuel → fuel vouchers: the risk materialised only in
 *       Bucharest ({@link DemoIncidents#BUCHAREST_CONVICTION}), so P 3–5; exposure 7.20, minor, priority 3;
 *       existing measures only, one effective and one ineffective; finalised.</li>
 *   <li>{@link #DRAFT}: member.cluj, Ordine publică → gun permits: a draft left open, partly described and
 *       scored, without measures.</li>
 * </ul>
 * Indicators of every kind are among them: numeric, done / not done and qualitative (Slab, Satisfăcător, Bine,
 * Foarte bine).
 *
 * <p>A step of {@link ro.marc.api.startup.StartupSequence}, after the demo incidents (so the incident floors
 * hold when the risks are scored) and the methodology's version 1. Each assessment is a script of steps, each
 * done once: a step is skipped when the assessment's history ({@link DemoAccess#history}, from its first event)
 * already holds its event, and a failed step is fine when the history shows another node did it meanwhile; so a
 * start that stopped half-way is completed, and once done nothing is sent again — also after a member has
 * changed the assessments since.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoRiskAssessments {

    private static final Logger log = LoggerFactory.getLogger(DemoRiskAssessments.class);

    static final UUID PLAN = DemoActivityAnalysis.PLAN;
    static final UUID PUBLIC_ORDER = DemoActivityAnalysis.WORK_UNIT;
    static final UUID LOGISTICS = DemoActivityAnalysis.LOGISTICS;
    static final String MEMBER = "member.cluj";
    static final String COUNSELLOR = "counsellor.cluj";

    static final String CONTRAVENTII = DemoIncidents.CONTRAVENTII;
    static final String MITA = DemoIncidents.MITA_CONTRAVENTII;
    static final String CARBURANT = DemoIncidents.CARBURANT;
    static final String BONURI = DemoIncidents.BONURI;
    static final String ARME = DemoIncidents.ARME;
    static final String PERMISE = "Eliberarea permiselor de armă unor persoane care nu îndeplinesc condițiile legale, în schimbul unor foloase";

    /** member.cluj: bribes at fines, incident in IPJ Cluj; high, priority 1; finalised. */
    public static final UUID HIGH = id("member.cluj: mită la constatarea contravențiilor");
    /** counsellor.cluj: the same risk (A402); moderate, priority 2; finalised. */
    public static final UUID MODERATE = id("counsellor.cluj: mită la constatarea contravențiilor");
    /** counsellor.cluj: fuel vouchers, incident in Bucharest only; minor, priority 3; finalised. */
    public static final UUID MINOR = id("counsellor.cluj: bonuri de carburant");
    /** member.cluj: gun permits; a draft left open. */
    public static final UUID DRAFT = id("member.cluj: permise de armă");

    public static final List<UUID> ALL = List.of(HIGH, MODERATE, MINOR, DRAFT);
    public static final List<UUID> FINALISED = List.of(HIGH, MODERATE, MINOR);

    /** The qualitative scale of the demo indicators (§2.2.3.5). */
    public static final List<String> QUALITATIVE_SCALE = List.of("Slab", "Satisfăcător", "Bine", "Foarte bine");

    private final EventStore eventStore;
    private final CommandSender commands;
    private final ActivePlans plans;

    public DemoRiskAssessments(EventStore eventStore, CommandSender commands, ActivePlans plans) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.plans = plans;
    }

    /** The id of a demo assessment (or of one of its measures or indicators), derived from its key. */
    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("marc-demo-assessment:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        if (plans.activePlanOf(plans.plan(PLAN).map(ActivePlans.PlanFact::orgUnitId).orElse(new UUID(0, 0)))
                .filter(p -> p.planId().equals(PLAN)).isEmpty()) {
            log.warn("Demo risk assessments skipped: IPJ Cluj's demo plan {} is not active", PLAN);
            return;
        }
        int sent = 0;
        for (Script script : scripts()) {
            sent += DemoSteps.run(eventStore, commands, script.assessmentId, script.steps);
        }
        if (sent > 0) {
            log.info("Demo risk assessments seeded: {} commands for {} assessments in IPJ Cluj (high, moderate, minor, a draft)",
                    sent, ALL.size());
        }
    }

    // ---------------------------------------------------------------------------------------- the assessments

    private static List<Script> scripts() {
        UUID performance = dimension("Performanța activităților");
        UUID delays = dimension("Termene / întârzieri");
        UUID budget = dimension("Buget");
        UUID image = dimension("Imaginea instituției");
        List<Script> scripts = new ArrayList<>();

        // high: incident in IPJ Cluj itself (floor 4); 5 first, then 4 once the measures were weighed
        scripts.add(new Script(HIGH, MEMBER)
                .start(PUBLIC_ORDER, CONTRAVENTII, MITA)
                .save(new RiskDescription(
                        List.of("Agenții de poliție din echipele de patrulare și de ordine publică",
                                "Ofițerii care verifică procesele-verbale de contravenție întocmite"),
                        List.of("Controale ierarhice rare asupra echipajelor din serviciul de noapte",
                                "Folosirea neuniformă a camerelor video portabile (body-cam)"),
                        List.of("Contravenienți care oferă sume de bani pentru a evita amenda",
                                "Intervenții ale unor cunoscuți ai agentului constatator"),
                        List.of("Toleranța colegilor față de „atențiile” mărunte",
                                "Vechime redusă în funcție și fluctuația personalului"),
                        List.of(effect("Săvârșirea unor infracțiuni de corupție sau asimilate acestora"),
                                effect("Scăderea încrederii cetățenilor în instituție"),
                                effect("Afectarea imaginii și credibilității instituției")),
                        causes(PUBLIC_ORDER, CONTRAVENTII)), List.of(
                        existing(HIGH, "body-cam", "Verificarea lunară, prin sondaj, a înregistrărilor body-cam ale echipajelor",
                                new EffectivenessCriteria(true, true, false, true),
                                numeric(HIGH, "body-cam", "Număr de înregistrări verificate în luna încheiată")),
                        existing(HIGH, "instruire", "Instruirea anuală privind consecințele faptelor de corupție",
                                new EffectivenessCriteria(true, true, true, true),
                                done(HIGH, "instruire", "Instruirea anuală a fost efectuată")),
                        additional(HIGH, "rotire", "Rotirea trimestrială a echipajelor între sectoarele de patrulare",
                                "Șeful Serviciului Ordine Publică",
                                qualitative(HIGH, "rotire", "Respectarea graficului de rotire a echipajelor"),
                                numeric(HIGH, "rotire echipaje", "Număr de echipaje rotite în trimestrul încheiat"))))
                .evaluate(1, 5, List.of(new ImpactScore(performance, 30, 4), new ImpactScore(delays, 10, 2),
                        new ImpactScore(budget, 20, 3), new ImpactScore(image, 40, 5)))
                .evaluate(2, 4, List.of(new ImpactScore(performance, 30, 4), new ImpactScore(delays, 10, 2),
                        new ImpactScore(budget, 20, 3), new ImpactScore(image, 40, 5)))
                .finalise());

        // moderate: the same risk by the integrity counsellor (A402); the floor is 4 here too
        scripts.add(new Script(MODERATE, COUNSELLOR)
                .start(PUBLIC_ORDER, CONTRAVENTII, MITA)
                .save(new RiskDescription(
                        List.of("Agenții de poliție rutieră și de ordine publică care aplică amenzi pe loc"),
                        List.of("Plata amenzilor în numerar, direct agentului, în cazurile prevăzute de lege"),
                        List.of("Conducători auto care preferă o înțelegere în locul amenzii"),
                        List.of("Presiunea indicatorilor de activitate, urmăriți doar numeric"),
                        List.of(effect("Tratamentul inechitabil al cetățenilor"),
                                effect("Declanșarea unor proceduri disciplinare sau penale împotriva personalului")),
                        List.of()), List.of(
                        existing(MODERATE, "afișare", "Afișarea în autospeciale a modalităților legale de plată a amenzilor",
                                new EffectivenessCriteria(true, false, true, false),
                                done(MODERATE, "afișare", "Afișele sunt prezente în toate autospecialele")),
                        additional(MODERATE, "informare",
                                "Campanie de informare privind plata amenzilor exclusiv prin mijloace electronice",
                                "Purtătorul de cuvânt al IPJ Cluj",
                                numeric(MODERATE, "informare", "Număr de materiale informative distribuite"),
                                qualitative(MODERATE, "informare", "Percepția cetățenilor asupra corectitudinii controalelor"))))
                .evaluate(1, 4, List.of(new ImpactScore(performance, 25, 3), new ImpactScore(delays, 25, 2),
                        new ImpactScore(budget, 25, 2), new ImpactScore(image, 25, 3)))
                .finalise());

        // minor: materialised only in Bucharest (floor 3); existing measures suffice for priority 3
        scripts.add(new Script(MINOR, COUNSELLOR)
                .start(LOGISTICS, CARBURANT, BONURI)
                .save(new RiskDescription(
                        List.of("Gestionarii de carburant și conducătorii auto ai unității"),
                        List.of("Bonurile valorice nu sunt confruntate cu foile de parcurs și cu datele GPS"),
                        List.of("Rețele care cumpără bonuri valorice sub valoarea nominală"),
                        List.of("Aceeași persoană gestionează bonurile de mulți ani"),
                        List.of(effect("Prejudicierea bugetului instituției")),
                        List.of()), List.of(
                        existing(MINOR, "registru", "Registrul de evidență a bonurilor valorice, semnat la primire și la predare",
                                new EffectivenessCriteria(true, true, true, true),
                                numeric(MINOR, "registru", "Diferențe constatate la inventarierea lunară a bonurilor"),
                                qualitative(MINOR, "registru", "Calitatea evidenței bonurilor valorice")),
                        existing(MINOR, "gps", "Confruntarea lunară a foilor de parcurs cu datele GPS ale autovehiculelor",
                                new EffectivenessCriteria(true, false, false, false),
                                done(MINOR, "gps", "Confruntarea lunară a fost efectuată"))))
                .evaluate(1, 3, List.of(new ImpactScore(performance, 20, 2), new ImpactScore(delays, 10, 1),
                        new ImpactScore(budget, 50, 3), new ImpactScore(image, 20, 2)))
                .finalise());

        // a draft left open: partly described, scored, no measures yet
        scripts.add(new Script(DRAFT, MEMBER)
                .start(PUBLIC_ORDER, ARME, PERMISE)
                .save(new RiskDescription(
                        List.of("Ofițerii compartimentului arme, explozivi și substanțe periculoase"),
                        List.of("Verificarea condițiilor legale de către un singur lucrător"),
                        List.of(), List.of(),
                        List.of(effect("Afectarea siguranței rutiere și a ordinii publice")),
                        List.of()), List.of())
                .evaluate(1, 2, List.of(new ImpactScore(performance, 40, 3), new ImpactScore(image, 60, 4))));
        return scripts;
    }

    private static UUID dimension(String name) {
        return referenceEntryId(ReferenceList.IMPACT_DIMENSION, name);
    }

    private static UUID effect(String name) {
        return referenceEntryId(ReferenceList.EFFECT, name);
    }

    /** The demo regulatory causes (Anexa 5) of the work unit and activity. */
    private static List<UUID> causes(UUID workUnitId, String activity) {
        return DemoNomenclature.load().regulatoryCauses().stream()
                .filter(c -> c.activity().equals(activity) && DemoOrganisation.id("wu:" + c.workUnit()).equals(workUnitId))
                .map(DemoNomenclature::causeId).toList();
    }

    private static Measure existing(UUID assessment, String key, String description, EffectivenessCriteria criteria,
                                    Indicator... indicators) {
        return new Measure(id(assessment + "/measure/" + key), MeasureKind.EXISTING, description, criteria, null,
                List.of(indicators));
    }

    private static Measure additional(UUID assessment, String key, String description, String responsible,
                                      Indicator... indicators) {
        return new Measure(id(assessment + "/measure/" + key), MeasureKind.ADDITIONAL, description, null, responsible,
                List.of(indicators));
    }

    private static Indicator numeric(UUID assessment, String key, String name) {
        return new Indicator(id(assessment + "/indicator/" + key + "/numeric"), name, IndicatorKind.NUMERIC, List.of());
    }

    private static Indicator done(UUID assessment, String key, String name) {
        return new Indicator(id(assessment + "/indicator/" + key + "/done"), name, IndicatorKind.DONE_NOT_DONE, List.of());
    }

    private static Indicator qualitative(UUID assessment, String key, String name) {
        return new Indicator(id(assessment + "/indicator/" + key + "/qualitative"), name, IndicatorKind.QUALITATIVE,
                QUALITATIVE_SCALE);
    }

    // ---------------------------------------------------------------------------------------------- the scripts

    /** The steps of one demo assessment, in order, all on behalf of its member. */
    private static final class Script {
        final UUID assessmentId;
        final UUID member;
        final List<DemoSteps.Step> steps = new ArrayList<>();

        Script(UUID assessmentId, String member) {
            this.assessmentId = assessmentId;
            this.member = DemoAccess.userId(member);
        }

        Script start(UUID workUnitId, String activity, String risk) {
            StartRiskAssessment command = new StartRiskAssessment(assessmentId, PLAN, workUnitId, activityId(activity),
                    riskId(activity, risk), member);
            steps.add(new DemoSteps.Step(member, events -> count(events, RiskAssessmentStarted.class) > 0, version -> command));
            return this;
        }

        Script save(RiskDescription description, List<Measure> measures) {
            steps.add(new DemoSteps.Step(member, events -> count(events, RiskAssessmentDraftSaved.class) > 0,
                    version -> new SaveRiskAssessmentDraft(assessmentId, description, measures, version)));
            return this;
        }

        /** The {@code nth} evaluation of the assessment (each one a line of its history). */
        Script evaluate(int nth, int probability, List<ImpactScore> impacts) {
            steps.add(new DemoSteps.Step(member, events -> count(events, RiskEvaluated.class) >= nth,
                    version -> new EvaluateRisk(assessmentId, probability, impacts, version)));
            return this;
        }

        Script finalise() {
            steps.add(new DemoSteps.Step(member, events -> count(events, RiskAssessmentFinalised.class) > 0,
                    version -> new FinaliseRiskAssessment(assessmentId, version)));
            return this;
        }

        private static long count(List<Object> events, Class<?> type) {
            return events.stream().filter(type::isInstance).count();
        }
    }
}

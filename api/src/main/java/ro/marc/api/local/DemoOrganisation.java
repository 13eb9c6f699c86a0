package ro.marc.api.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import ro.marc.api.common.CommandSender;
import ro.marc.command.org.OrgTree;
import ro.marc.events.org.*;
import ro.marc.events.org.command.*;

import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Demo data for the local run: the ministry, its central structures, county structures in six
 * counties and the standard work units, assigned consistently (each unit holds a subset of its
 * parent's). Sent as commands, so the demo is event-sourced like real data. Runs once: ids are
 * derived from names, and nothing is sent when the ministry already exists.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "marc.demo-data.enabled", havingValue = "true")
public class DemoOrganisation {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private static final List<String> WORK_UNITS = List.of(
            "Resurse umane", "IT&C", "Achiziții publice", "Financiar-contabil", "Ordine publică", "Migrație",
            "Situații de urgență", "Juridic", "Logistică", "Control intern și audit", "Relații publice",
            "Evidența persoanelor", "Pașapoarte", "Înmatriculări și permise auto", "Poliție rutieră", "Anticorupție");

    /** Central structure → its work units. */
    private static final Map<String, List<String>> CENTRAL = new LinkedHashMap<>();

    static {
        CENTRAL.put("Direcția Generală Anticorupție", List.of("Anticorupție", "Resurse umane", "Juridic", "IT&C"));
        CENTRAL.put("Inspectoratul General al Poliției Române", List.of("Ordine publică", "Poliție rutieră", "Resurse umane",
                "Achiziții publice", "Financiar-contabil", "Logistică", "IT&C"));
        CENTRAL.put("Inspectoratul General al Jandarmeriei Române", List.of("Ordine publică", "Resurse umane",
                "Achiziții publice", "Logistică"));
        CENTRAL.put("Inspectoratul General pentru Imigrări", List.of("Migrație", "Resurse umane", "IT&C"));
        CENTRAL.put("Inspectoratul General pentru Situații de Urgență", List.of("Situații de urgență", "Resurse umane",
                "Achiziții publice", "Logistică"));
        CENTRAL.put("Direcția Generală Management Resurse Umane", List.of("Resurse umane"));
        CENTRAL.put("Direcția Generală Comunicații și Tehnologia Informației", List.of("IT&C", "Achiziții publice"));
        CENTRAL.put("Direcția Generală Logistică", List.of("Logistică", "Achiziții publice"));
        CENTRAL.put("Direcția Generală Financiară", List.of("Financiar-contabil", "Control intern și audit"));
        CENTRAL.put("Direcția Generală Juridică", List.of("Juridic"));
        CENTRAL.put("Direcția Regim Permise de Conducere și Înmatriculare a Vehiculelor",
                List.of("Înmatriculări și permise auto", "IT&C"));
        CENTRAL.put("Direcția Generală de Pașapoarte", List.of("Pașapoarte", "IT&C"));
    }

    private static final List<County> COUNTIES = List.of(County.CJ, County.IS, County.TM, County.CT, County.BV, County.B);

    private final OrgTree tree;
    private final CommandSender commands;

    public DemoOrganisation(OrgTree tree, CommandSender commands) {
        this.tree = tree;
        this.commands = commands;
    }

    /** A step of {@link ro.marc.api.startup.StartupSequence}. */
    public void seed() {
        UUID ministry = id("ministry");
        if (tree.orgUnit(ministry).isPresent()) {
            return;
        }
        UUID root = tree.rootId().orElseThrow(() -> new IllegalStateException("The organisation has no root yet"));
        long started = System.nanoTime();
        Map<String, UUID> workUnits = new LinkedHashMap<>();
        WORK_UNITS.forEach(name -> {
            workUnits.put(name, id("wu:" + name));
            commands.sendAsSystem(new DefineWorkUnit(workUnits.get(name), name));
        });
        commands.sendAsSystem(new CreateOrgUnit(ministry, root, "Ministerul Afacerilor Interne", null));
        commands.sendAsSystem(new AssignWorkUnits(ministry, List.copyOf(workUnits.values()), 1));
        int units = 1;
        for (var central : CENTRAL.entrySet()) {
            UUID structure = id(central.getKey());
            commands.sendAsSystem(new CreateOrgUnit(structure, ministry, central.getKey(), null));
            commands.sendAsSystem(new AssignWorkUnits(structure, central.getValue().stream().map(workUnits::get).toList(), 1));
            units++;
        }
        for (County county : COUNTIES) {
            units += countyStructures(county, workUnits);
        }
        log.info("Demo organisation seeded: {} org units, {} work units in {} ms", units, workUnits.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Police, gendarmerie, emergency and DGA county structures, with a few services below the police. */
    private int countyStructures(County county, Map<String, UUID> workUnits) {
        String where = county == County.B ? "București" : county.displayName();
        record Structure(String parent, String name, List<String> workUnits) {
        }
        List<Structure> structures = List.of(
                new Structure("Inspectoratul General al Poliției Române",
                        county == County.B ? "Direcția Generală de Poliție a Municipiului București" : "Inspectoratul de Poliție Județean " + where,
                        List.of("Ordine publică", "Poliție rutieră", "Resurse umane", "Logistică")),
                new Structure("Inspectoratul General al Jandarmeriei Române",
                        county == County.B ? "Direcția Generală de Jandarmi a Municipiului București" : "Inspectoratul de Jandarmi Județean " + where,
                        List.of("Ordine publică", "Resurse umane")),
                new Structure("Inspectoratul General pentru Situații de Urgență",
                        "Inspectoratul pentru Situații de Urgență " + where, List.of("Situații de urgență", "Logistică")),
                new Structure("Direcția Generală Anticorupție", "Serviciul Județean Anticorupție " + where,
                        List.of("Anticorupție", "Resurse umane")));
        int created = 0;
        for (Structure s : structures) {
            UUID id = id(s.name());
            commands.sendAsSystem(new CreateOrgUnit(id, id(s.parent()), s.name(), county));
            commands.sendAsSystem(new AssignWorkUnits(id, s.workUnits().stream().map(workUnits::get).toList(), 1));
            created++;
            if (s.parent().startsWith("Inspectoratul General al Poliției")) {
                for (String service : List.of("Serviciul Rutier", "Serviciul de Ordine Publică", "Serviciul Resurse Umane")) {
                    UUID serviceId = id(s.name() + "/" + service);
                    commands.sendAsSystem(new CreateOrgUnit(serviceId, id, service, null));
                    String workUnit = switch (service) {
                        case "Serviciul Rutier" -> "Poliție rutieră";
                        case "Serviciul de Ordine Publică" -> "Ordine publică";
                        default -> "Resurse umane";
                    };
                    commands.sendAsSystem(new AssignWorkUnits(serviceId, List.of(workUnits.get(workUnit)), 1));
                    created++;
                }
            }
        }
        return created;
    }

    /** The id of a demo org unit (or work unit, "wu:<name>"), derived from its name. */
    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("marc-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}

package ro.marc.api.eventstore;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventTypeUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the events stored by the release of 2026-12-01, the first one, as today's events. That release
 * stored each event under its Java class name, with a hand-made entity version in the payload
 * ({@code version}; {@code orgUnitVersion} in work-unit assignments). Today an event is stored under its
 * pinned name and its version is its aggregate's sequence number, so:
 * <ol>
 *   <li>each class name becomes the pinned name (Axon's {@link EventTypeUpcaster}, revision unchanged);</li>
 *   <li>revision {@code null} of a versioned event becomes revision {@code "2"} without the version field
 *       (its value is the sequence number + 1 after the re-keying migration
 *       {@code V2026.12.05.01__per_entity_streams.sql}; {@code UpgradeFromReleaseTest} checks both).</li>
 * </ol>
 * This table is history: it lists what that release wrote and never changes, whatever happens to the
 * classes later.
 */
public final class Release20261201Upcasters {

    /** A type stored by that release: its stored (class) name, today's pinned name, its hand-made version field. */
    record StoredType(String className, String pinnedName, String versionField) {
    }

    static final List<StoredType> STORED_TYPES = List.of(
            versioned("access.RoleGranted"), versioned("access.RoleRevoked"), versioned("access.UserDeactivated"),
            versioned("access.UserDetailsUpdated"), versioned("access.UserReactivated"), versioned("access.UserRegistered"),
            versioned("access.UserTransferred"), versioned("access.WorkingGroupDefined"),
            versioned("access.WorkingGroupLeaderAppointed"), versioned("access.WorkingGroupMemberAdded"),
            versioned("access.WorkingGroupMemberRemoved"),
            versioned("nomenclature.ActivityProposed"), versioned("nomenclature.DocumentProposed"),
            versioned("nomenclature.DomainDefined"), versioned("nomenclature.DomainRenamed"),
            versioned("nomenclature.ItemDeactivated"), versioned("nomenclature.ProposalAccepted"),
            versioned("nomenclature.ProposalRejected"), versioned("nomenclature.ProposalRevised"),
            versioned("nomenclature.ReferenceEntryDeactivated"), versioned("nomenclature.ReferenceEntryDefined"),
            versioned("nomenclature.ReferenceEntryRenamed"), versioned("nomenclature.RegulatoryCauseAdded"),
            versioned("nomenclature.RegulatoryCauseDeactivated"), versioned("nomenclature.RegulatoryCauseEdited"),
            versioned("nomenclature.RiskProposed"), versioned("nomenclature.TaskProposed"),
            versioned("org.OrgUnitCreated"), versioned("org.OrgUnitDeactivated"), versioned("org.OrgUnitMoved"),
            versioned("org.OrgUnitReactivated"), versioned("org.OrgUnitRenamed"),
            new StoredType("ro.marc.events.org.OrganisationInitialised", "org.OrganisationInitialised", null),
            new StoredType("ro.marc.events.org.WorkUnitAssigned", "org.WorkUnitAssigned", "orgUnitVersion"),
            versioned("org.WorkUnitDefined"), versioned("org.WorkUnitRenamed"), versioned("org.WorkUnitRetired"),
            new StoredType("ro.marc.events.org.WorkUnitUnassigned", "org.WorkUnitUnassigned", "orgUnitVersion"));

    /** The revision an event got when its hand-made version field was dropped. */
    static final String WITHOUT_HAND_MADE_VERSION = "2";

    private Release20261201Upcasters() {
    }

    private static StoredType versioned(String pinnedName) {
        return new StoredType("ro.marc.events." + pinnedName, pinnedName, "version");
    }

    /** The upcasters, in the order they must run. */
    public static List<EventUpcaster> all() {
        List<EventUpcaster> upcasters = new ArrayList<>();
        for (StoredType type : STORED_TYPES) {
            upcasters.add(EventTypeUpcaster.from(type.className(), null).to(type.pinnedName(), null));
        }
        upcasters.add(new DropHandMadeVersion());
        return upcasters;
    }

    /** Revision null → "2" of each versioned event, without its version field. */
    static final class DropHandMadeVersion extends SingleEventUpcaster {

        private final Map<String, String> versionFields = STORED_TYPES.stream().filter(t -> t.versionField() != null)
                .collect(Collectors.toMap(StoredType::pinnedName, StoredType::versionField));

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getType().getRevision() == null && versionFields.containsKey(event.getType().getName());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            String field = versionFields.get(event.getType().getName());
            return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), WITHOUT_HAND_MADE_VERSION),
                    JsonNode.class, payload -> {
                        ((ObjectNode) payload).remove(field);
                        return payload;
                    });
        }
    }
}

package ro.marc.query.register;

import org.springframework.stereotype.Component;
import ro.marc.query.common.OrgScope;
import ro.marc.query.register.RegisterViews.MonitoringView;
import ro.marc.query.register.RegisterViews.RegisterSummary;
import ro.marc.query.register.RegisterViews.RegisterView;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The register read model's answers (group {@code register-postgres}). "Overdue" is decided on the day asked
 * (Europe/Bucharest, Axon's clock): a deadline before today and the measure not done.
 */
@Component
public class RegisterQueries {

    /** The plan's register, null before its first generation. */
    public Optional<RegisterView> register(UUID planId) {
        throw new UnsupportedOperationException("H3");
    }

    /** The register's structure, for authorization. */
    public Optional<UUID> orgUnitOfPlan(UUID planId) {
        throw new UnsupportedOperationException("H3");
    }

    /** The register's version as the read model shows it (0 when unknown), for read-your-writes. */
    public long version(UUID planId) {
        throw new UnsupportedOperationException("H3");
    }

    /** The registers of structures within {@code scope} (and in {@code orgUnitIds} when not empty), by structure name. */
    public List<RegisterSummary> registers(OrgScope scope, Collection<UUID> orgUnitIds, int first) {
        throw new UnsupportedOperationException("H3");
    }

    /** One assessment's monitoring; empty when the read model does not know the assessment's register measures nor its monitoring. */
    public Optional<MonitoringView> monitoring(UUID assessmentId) {
        throw new UnsupportedOperationException("H3");
    }

    /** The monitoring's version as the read model shows it (0 when unknown), for read-your-writes. */
    public long monitoringVersion(UUID assessmentId) {
        throw new UnsupportedOperationException("H3");
    }
}

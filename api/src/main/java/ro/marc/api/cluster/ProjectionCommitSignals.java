package ro.marc.api.cluster;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ro.marc.api.common.ReadYourWrites;
import ro.marc.api.projection.ProjectionGroups;

import java.util.function.BooleanSupplier;

/**
 * Tells read-your-writes waiters on every node that a projection batch committed: each batch of
 * every group in {@link ProjectionGroups#ALL} that handled an event signals
 * {@link ClusterSignals#PROJECTION} (payload: the group) once its transaction has committed (a
 * rolled-back batch signals nothing), and wakes this node's waiters at once without waiting for
 * the signal's round trip. The projection may run on the other node, hence the signal.
 */
@Component
public class ProjectionCommitSignals implements ConfigurerModule, DisposableBean {

    private static final String SIGNALLED = ProjectionCommitSignals.class.getName() + ".signalled";

    private final ClusterSignals signals;
    private final BooleanSupplier listening;

    public ProjectionCommitSignals(ClusterSignals signals) {
        this.signals = signals;
        this.listening = signals::listening;
        signals.subscribe(ClusterSignals.PROJECTION, group -> ReadYourWrites.projectionCommitted(),
                ReadYourWrites::projectionCommitted);
        ReadYourWrites.addSignalSource(listening);
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> {
            for (String group : ProjectionGroups.ALL) {
                processing.registerHandlerInterceptor(group, config -> interceptor(group));
            }
        });
    }

    /** Once per batch (the processor's unit of work spans the batch and its transaction). */
    private MessageHandlerInterceptor<EventMessage<?>> interceptor(String group) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.resources().putIfAbsent(SIGNALLED, Boolean.TRUE) == null) {
                unitOfWork.afterCommit(committed -> {
                    ReadYourWrites.projectionCommitted();
                    signals.signal(ClusterSignals.PROJECTION, group);
                });
            }
            return chain.proceed();
        };
    }

    @Override
    public void destroy() {
        ReadYourWrites.removeSignalSource(listening);
    }
}

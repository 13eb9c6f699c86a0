package ro.marc.api.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import ro.marc.api.authorization.AccessPolicy;
import ro.marc.api.authorization.Permission;
import ro.marc.api.audit.AccessAuditLog.Outcome;
import ro.marc.api.audit.AccessAuditQueries.AccessAuditView;
import ro.marc.api.common.Inputs;
import ro.marc.api.common.InvalidInput;
import ro.marc.api.graphql.Connection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The access audit, for auditors and central administrators ({@link Permission#ACCESS_AUDIT_READ}
 * in {@code AccessRules}). The check is {@link AccessPolicy#require}, not a role list in
 * {@code @PreAuthorize}: one table decides, and a refusal lands in the request's trail (so the
 * audit entry of a refused read names it) and in the security log.
 */
@Controller
@PreAuthorize("isAuthenticated()")
public class AccessAuditController {

    public record AccessAuditFilter(String userId, String orgUnitId, Boolean includeSubUnits, String operation,
                                    Outcome outcome, String from, String to, Boolean includeArchived) {
    }

    private final AccessAuditQueries queries;
    private final AccessPolicy access;
    private final ZoneId zone;

    public AccessAuditController(AccessAuditQueries queries, AccessPolicy access,
                                 @Value("${marc.audit.zone:Europe/Bucharest}") String zone) {
        this.queries = queries;
        this.access = access;
        this.zone = ZoneId.of(zone);
    }

    @QueryMapping
    public Connection<AccessAuditView> accessAudit(@Argument AccessAuditFilter filter, @Argument Integer first,
                                                   @Argument String after) {
        access.require(Permission.ACCESS_AUDIT_READ, "accessAudit");
        int size = Inputs.pageSize("first", first);
        AccessAuditQueries.Filter f = filter == null ? AccessAuditQueries.Filter.none() : filter(filter);
        try {
            return Connection.of(queries.find(f, size, after));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("after", "INVALID_CURSOR", e.getMessage());
        }
    }

    private AccessAuditQueries.Filter filter(AccessAuditFilter in) {
        Instant from = instant("filter.from", in.from());
        Instant to = instant("filter.to", in.to());
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidInput("filter.to", "EMPTY_PERIOD", "'filter.to' must be after 'filter.from'");
        }
        String operation = in.operation() == null || in.operation().isBlank() ? null : in.operation().trim();
        if (operation != null && operation.length() > 100) {
            throw new InvalidInput("filter.operation", "TOO_LONG", "An operation name is limited to 100 characters");
        }
        return new AccessAuditQueries.Filter(Inputs.id("filter.userId", in.userId()),
                Inputs.id("filter.orgUnitId", in.orgUnitId()), !Boolean.FALSE.equals(in.includeSubUnits()), operation,
                from, to, in.outcome(), Boolean.TRUE.equals(in.includeArchived()));
    }

    /** An ISO-8601 instant, date-time with offset, or date (its start in {@code marc.audit.zone}). */
    private Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "INVALID_INSTANT", "'" + value + "' is not an ISO-8601 instant "
                    + "(e.g. 2026-11-22T10:15:30Z) or date (2026-11-22)");
        }
    }
}

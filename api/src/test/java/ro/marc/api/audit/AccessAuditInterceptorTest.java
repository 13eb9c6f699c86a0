package ro.marc.api.audit;

import org.junit.jupiter.api.Test;
import ro.marc.api.audit.AccessAuditLog.Outcome;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the interceptor reads from a request document and a response, without a server. */
class AccessAuditInterceptorTest {

    @Test
    void the_operation_type_name_and_top_level_fields() {
        var op = AccessAuditInterceptor.operation("mutation Create { createOrgUnit(input: {}) { id } }", null);
        assertThat(op.type()).isEqualTo("mutation");
        assertThat(op.name()).isEqualTo("Create");
        assertThat(op.fields()).containsExactly("createOrgUnit");

        var anonymous = AccessAuditInterceptor.operation("{ root { id children { edges { cursor } } } workUnits { id } }", null);
        assertThat(anonymous.type()).isEqualTo("query");
        assertThat(anonymous.name()).isNull();
        assertThat(anonymous.fields()).containsExactly("root", "workUnits");
    }

    @Test
    void the_operation_selected_by_name_and_fields_behind_fragments_and_aliases() {
        String document = """
                query A { root { id } }
                query B { ...Top ... on Query { w: workUnits { id } } }
                fragment Top on Query { orgUnit(id: "x") { id } history(id: "x") { type } }
                """;
        var b = AccessAuditInterceptor.operation(document, "B");
        assertThat(b.type()).isEqualTo("query");
        assertThat(b.name()).isEqualTo("B");
        assertThat(b.fields()).containsExactly("orgUnit", "history", "workUnits");
        assertThat(AccessAuditInterceptor.operation(document, "A").fields()).containsExactly("root");
        // several operations and none named: graphql-java refuses it, nothing is known
        assertThat(AccessAuditInterceptor.operation(document, null).type()).isNull();
        assertThat(AccessAuditInterceptor.operation(document, "C").fields()).isEmpty();
    }

    @Test
    void unparseable_documents_are_recorded_without_an_operation() {
        var broken = AccessAuditInterceptor.operation("{ root { id ", "X");
        assertThat(broken.type()).isNull();
        assertThat(broken.name()).isEqualTo("X");
        assertThat(broken.fields()).isEmpty();
        assertThat(AccessAuditInterceptor.operation("", null).type()).isNull();
        assertThat(AccessAuditInterceptor.operation("subscription S { changes { id } }", null).type()).isEqualTo("subscription");
    }

    @Test
    void outcomes_from_error_classifications() {
        assertThat(AccessAuditInterceptor.outcome("FORBIDDEN")).isEqualTo(Outcome.DENIED);
        assertThat(AccessAuditInterceptor.outcome("UNAUTHORIZED")).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(AccessAuditInterceptor.outcome("BAD_REQUEST")).isEqualTo(Outcome.INVALID);
        assertThat(AccessAuditInterceptor.outcome("ValidationError")).isEqualTo(Outcome.INVALID);
        assertThat(AccessAuditInterceptor.outcome("InvalidSyntax")).isEqualTo(Outcome.INVALID);
        assertThat(AccessAuditInterceptor.outcome("CONFLICT")).isEqualTo(Outcome.CONFLICT);
        assertThat(AccessAuditInterceptor.outcome("NOT_FOUND")).isEqualTo(Outcome.NOT_FOUND);
        assertThat(AccessAuditInterceptor.outcome("INTERNAL_ERROR")).isEqualTo(Outcome.ERROR);
        assertThat(AccessAuditInterceptor.outcome(null)).isEqualTo(Outcome.ERROR);

        assertThat(AccessAuditInterceptor.worst(Set.of())).isEqualTo(Outcome.OK);
        assertThat(AccessAuditInterceptor.worst(EnumSet.of(Outcome.NOT_FOUND, Outcome.DENIED))).isEqualTo(Outcome.DENIED);
        assertThat(AccessAuditInterceptor.worst(EnumSet.of(Outcome.INVALID, Outcome.ERROR))).isEqualTo(Outcome.ERROR);
        assertThat(AccessAuditInterceptor.worst(EnumSet.copyOf(List.of(Outcome.DENIED, Outcome.UNAUTHORIZED))))
                .isEqualTo(Outcome.UNAUTHORIZED);
    }
}

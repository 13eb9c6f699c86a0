package ro.marc.query.access;

import ro.marc.events.access.Role;

import java.util.List;

/** A role held: counties (two-letter codes) for a territorial administrator, the A103 flag for a counsellor. */
public record RoleView(Role role, List<String> counties, boolean followsMemberWorkflow) {
}

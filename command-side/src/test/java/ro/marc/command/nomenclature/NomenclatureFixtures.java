package ro.marc.command.nomenclature;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import ro.marc.command.common.CommandRejected;
import ro.marc.command.common.CommandRejected.Reason;
import ro.marc.events.nomenclature.*;
import ro.marc.events.nomenclature.event.*;
import ro.marc.events.org.County;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The nomenclature's test world: two structures (Cluj, Iași), their work units, a small tree, and the refusal matcher. */
final class NomenclatureFixtures {

    static final UUID PROCUREMENT = UUID.randomUUID();
    static final UUID HR = UUID.randomUUID();
    static final UUID RECRUITMENT = UUID.randomUUID();
    static final UUID WU1 = UUID.randomUUID();
    static final UUID WU2 = UUID.randomUUID();
    /** A work unit neither structure holds. */
    static final UUID WU_ELSEWHERE = UUID.randomUUID();
    static final UUID CLUJ = UUID.randomUUID();
    static final UUID IASI = UUID.randomUUID();
    static final String PROPOSER = "user-1";
    static final String OTHER = "user-2";
    static final Actor MEMBER = Actor.member(PROPOSER, CLUJ);
    static final Actor OTHER_MEMBER = Actor.member(OTHER, CLUJ);
    static final Actor IASI_MEMBER = Actor.member("user-3", IASI);
    static final Actor ADMIN = Actor.centralAdministrator("admin-1", UUID.randomUUID());
    static final UUID ACTIVITY = UUID.randomUUID();
    static final UUID TASK = UUID.randomUUID();
    static final UUID DOCUMENT = UUID.randomUUID();
    static final UUID RISK = UUID.randomUUID();
    static final UUID ISSUER = UUID.randomUUID();
    static final UUID ACT_TYPE = UUID.randomUUID();
    static final UUID ACT_STATUS = UUID.randomUUID();
    static final UUID CAUSE = UUID.randomUUID();

    private NomenclatureFixtures() {
    }

    /** Cluj holds WU1 and WU2, Iași only WU2. */
    static FixedOrgFacts org() {
        return new FixedOrgFacts().unit(CLUJ, County.CJ, WU1, WU2).unit(IASI, County.IS, WU2);
    }

    /** PROCUREMENT (no subdomains), HR with subdomain RECRUITMENT. */
    static Object[] domains() {
        return new Object[]{
                new DomainDefined(PROCUREMENT, null, "Achiziții publice"),
                new DomainDefined(HR, null, "Resurse umane"),
                new DomainDefined(RECRUITMENT, HR, "Recrutare")};
    }

    static ActivityProposed activityProposed(UUID id, String name) {
        return new ActivityProposed(id, name, null, PROCUREMENT, List.of(WU1, WU2), List.of(), PROPOSER, CLUJ);
    }

    /** {@link #domains()}, ACTIVITY and TASK approved, DOCUMENT and RISK proposed (all by PROPOSER of Cluj). */
    static Object[] tree() {
        return new Object[]{domains()[0], domains()[1], domains()[2],
                activityProposed(ACTIVITY, "Achiziții directe"),
                new ProposalAccepted(ACTIVITY, ItemKind.ACTIVITY, 1, PROPOSER),
                new TaskProposed(TASK, ACTIVITY, "Întocmirea notei justificative", PROPOSER, CLUJ),
                new ProposalAccepted(TASK, ItemKind.TASK, 1, PROPOSER),
                new DocumentProposed(DOCUMENT, TASK, "Nota justificativă", Periodicity.MONTHLY, PROPOSER, CLUJ),
                new RiskProposed(RISK, ACTIVITY, "Favorizarea unui ofertant", "Cerințe restrictive", PROPOSER, CLUJ)};
    }

    /** {@link #tree()} plus the three act lists' entries. */
    static Object[] treeWithReferences() {
        Object[] tree = tree();
        Object[] all = java.util.Arrays.copyOf(tree, tree.length + 3);
        all[tree.length] = new ReferenceEntryDefined(ISSUER, ReferenceList.ACT_ISSUER, "Guvernul României");
        all[tree.length + 1] = new ReferenceEntryDefined(ACT_TYPE, ReferenceList.ACT_TYPE, "Lege");
        all[tree.length + 2] = new ReferenceEntryDefined(ACT_STATUS, ReferenceList.ACT_STATUS, "În vigoare");
        return all;
    }

    static RegulatoryCauseDetails details() {
        return new RegulatoryCauseDetails(WU1, ACTIVITY, ISSUER, ACT_TYPE, "98", 2016, ACT_STATUS,
                "Legea privind achizițiile publice", "43", null, "Art. 43 alin. (1) ...", "Criterii vagi",
                "Favorizare", "Clarificarea criteriilor", null);
    }

    static Matcher<CommandRejected> rejected(Reason reason, String field, String code) {
        return rejected(reason, field, code, "");
    }

    /** A refusal of this reason, field and code whose message contains {@code messagePart}. */
    static Matcher<CommandRejected> rejected(Reason reason, String field, String code, String messagePart) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejected item) {
                return item.reason() == reason && Objects.equals(item.field(), field) && Objects.equals(item.code(), code)
                        && item.getMessage().contains(messagePart);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejected(" + reason + ", field=" + field + ", code=" + code
                        + ", message containing '" + messagePart + "')");
            }

            @Override
            protected void describeMismatchSafely(CommandRejected item, Description mismatch) {
                mismatch.appendText("was " + item.reason() + ", field=" + item.field() + ", code=" + item.code() + ": "
                        + item.getMessage());
            }
        };
    }
}

package ro.marc.events.nomenclature.command;

/**
 * A command of the nomenclature: each names its aggregate ({@code @TargetAggregateIdentifier}), a
 * domain, a nomenclature item (activity, task, document or risk), a reference entry or a regulatory cause.
 */
public sealed interface NomenclatureCommand
        permits DefineDomain, RenameDomain, ProposeActivity, ProposeTask, ProposeDocument, ProposeRisk, ReviseProposal,
        AcceptProposal, AcceptProposalWithChanges, RejectProposal, DeactivateItem, CorrectApprovedItem,
        DefineReferenceEntry, RenameReferenceEntry, DeactivateReferenceEntry,
        AddRegulatoryCause, EditRegulatoryCause, DeactivateRegulatoryCause {
}

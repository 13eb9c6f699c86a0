package ro.marc.events.nomenclature.command;

import ro.marc.events.nomenclature.*;

/** A command decided by the nomenclature aggregate (stream {@link NomenclatureIds#NOMENCLATURE_ID}). */
public sealed interface NomenclatureCommand
        permits DefineDomain, RenameDomain, ProposeActivity, ProposeTask, ProposeDocument, ProposeRisk, ReviseProposal,
        AcceptProposal, AcceptProposalWithChanges, RejectProposal, DeactivateItem,
        DefineReferenceEntry, RenameReferenceEntry, DeactivateReferenceEntry,
        AddRegulatoryCause, EditRegulatoryCause, DeactivateRegulatoryCause {
}

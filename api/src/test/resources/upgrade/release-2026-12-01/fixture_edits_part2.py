"""Edits on top of the demo data, run against today's main to produce the upgrade fixture. Every event type appears."""
import sys; sys.path.insert(0, "/tmp"); from gql import q
U = lambda n: "00000000-0000-4000-8000-%012d" % n
MAI = "f9417a86-638b-34b8-8175-cda675a135c6"
IPJ_CLUJ = "78c89ee5-091a-31aa-8bd0-b4253b7c3ec4"
WU_ACH, WU_JUR, WU_RU = "46499a58-5553-3fe0-ba48-cb0caaf51578", "eeac286f-a0f5-3b88-92e2-897f45877b9e", "b84825b2-e86c-309a-82a5-420db79dc828"
def m(name, inp, sel="id version", user="admin"):
    r = q("mutation($i: %s!) { %s(input: $i) { %s } }" % (INPUTS[name], name, sel), {"i": inp}, user=user)
    return r["data"][name]
INPUTS = dict(createOrgUnit="CreateOrgUnitInput", renameOrgUnit="RenameOrgUnitInput", moveOrgUnit="MoveOrgUnitInput",
  deactivateOrgUnit="OrgUnitVersionInput", reactivateOrgUnit="OrgUnitVersionInput", assignWorkUnits="AssignWorkUnitsInput",
  unassignWorkUnit="UnassignWorkUnitInput", defineWorkUnit="DefineWorkUnitInput", renameWorkUnit="RenameWorkUnitInput",
  retireWorkUnit="WorkUnitVersionInput", registerUser="RegisterUserInput", updateUserDetails="UpdateUserDetailsInput",
  grantRole="GrantRoleInput", revokeRole="RevokeRoleInput", deactivateUser="DeactivateUserInput", reactivateUser="UserVersionInput",
  transferUser="TransferUserInput", defineWorkingGroup="DefineWorkingGroupInput", addWorkingGroupMember="WorkingGroupMemberInput",
  removeWorkingGroupMember="WorkingGroupMemberInput", appointWorkingGroupLeader="WorkingGroupMemberInput",
  defineDomain="DefineDomainInput", renameDomain="RenameInput", proposeActivity="ProposeActivityInput", proposeTask="ProposeTaskInput",
  proposeDocument="ProposeDocumentInput", proposeRisk="ProposeRiskInput", reviseProposal="ReviseProposalInput",
  acceptProposal="DecisionInput", acceptProposalWithChanges="AcceptWithChangesInput", rejectProposal="RejectProposalInput",
  deactivateNomenclatureItem="VersionInput", defineReferenceEntry="DefineReferenceEntryInput", renameReferenceEntry="RenameInput",
  deactivateReferenceEntry="VersionInput", addRegulatoryCause="RegulatoryCauseInput", editRegulatoryCause="EditRegulatoryCauseInput",
  deactivateRegulatoryCause="VersionInput")


WU_LOG = "21cdb039-0158-30a5-ab26-7a400782eca0"
act2 = m("proposeActivity", {"id": U(50), "name": "Activitate fixture logistică", "domainId": U(31), "workUnitIds": [WU_LOG]})
t2 = m("proposeTask", {"id": U(51), "activityId": U(50), "name": "Sarcină fixture logistică"})
# a member's proposals: revised, accepted with changes, rejected, then an approved one deactivated
p1 = m("proposeRisk", {"id": U(36), "activityId": U(50), "name": "Risc propus de membru"}, user="member.cluj")
p1 = m("reviseProposal", {"id": U(36), "description": "Revizuit de propunător", "expectedVersion": p1["version"]}, user="member.cluj")
m("acceptProposalWithChanges", {"id": U(36), "decidedVersion": p1["version"], "name": "Risc acceptat cu modificări"})
p2 = m("proposeTask", {"id": U(37), "activityId": U(50), "name": "Sarcină de respins"}, user="member.cluj")
m("rejectProposal", {"id": U(37), "decidedVersion": p2["version"], "reason": "Se suprapune cu o sarcină existentă"})
p3 = m("proposeActivity", {"id": U(38), "name": "Activitate propusă de membru", "domainId": U(31), "workUnitIds": [WU_LOG]}, user="member.cluj")
p3 = m("acceptProposal", {"id": U(38), "decidedVersion": p3["version"]})
m("deactivateNomenclatureItem", {"id": U(38), "expectedVersion": p3["version"]})
p4 = m("proposeDocument", {"id": U(39), "taskId": U(51), "name": "Document propus în așteptare", "periodicity": "ANNUAL"}, user="member.cluj")
iss = m("defineReferenceEntry", {"id": U(40), "list": "ACT_ISSUER", "name": "Emitent fixture"})
iss = m("renameReferenceEntry", {"id": U(40), "name": "Emitent fixture redenumit", "expectedVersion": iss["version"]})
typ = m("defineReferenceEntry", {"id": U(41), "list": "ACT_TYPE", "name": "Tip act fixture"})
sts = m("defineReferenceEntry", {"id": U(42), "list": "ACT_STATUS", "name": "Stare act fixture"})
eff = m("defineReferenceEntry", {"id": U(43), "list": "EFFECT", "name": "Efect fixture dezactivat"})
m("deactivateReferenceEntry", {"id": U(43), "expectedVersion": eff["version"]})
cause = {"workUnitId": WU_LOG, "activityId": U(50), "issuerId": U(40), "actTypeId": U(41), "actNumber": "123", "yearInForce": 2019,
    "actStatusId": U(42), "actTitle": "Ordin fixture", "articleNumber": "7", "extract": "Extras", "corruptionFactors": "Factori",
    "corruptionThreats": "Amenințări", "recommendations": "Recomandări"}
cz = m("addRegulatoryCause", dict(cause, id=U(44)), user="member.cluj")
cz = m("editRegulatoryCause", {"id": U(44), "details": dict(cause, actNumber="124", proposedText="Text propus"), "expectedVersion": cz["version"]}, user="member.cluj")
cz2 = m("addRegulatoryCause", dict(cause, id=U(45), articleNumber="9"))
m("deactivateRegulatoryCause", {"id": U(45), "expectedVersion": cz2["version"]})
print("fixture edits done")

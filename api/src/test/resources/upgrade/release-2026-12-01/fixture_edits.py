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

# --- organisation
wu = m("defineWorkUnit", {"id": U(1), "name": "Arhivă și registratură"})
wu = m("renameWorkUnit", {"id": U(1), "name": "Arhivă, registratură și secretariat", "expectedVersion": wu["version"]})
wu2 = m("defineWorkUnit", {"id": U(2), "name": "Unitate de retras"})
m("retireWorkUnit", {"id": U(2), "expectedVersion": wu2["version"]})
mai = q('{ orgUnit(id:"%s") { version } }' % MAI)["data"]["orgUnit"]
mai = m("assignWorkUnits", {"orgUnitId": MAI, "workUnitIds": [U(1)], "expectedVersion": mai["version"]})
a = m("createOrgUnit", {"id": U(10), "parentId": MAI, "name": "Direcția Fixture Alfa"})
b = m("createOrgUnit", {"id": U(11), "parentId": MAI, "name": "Direcția Fixture Beta"})
c = m("createOrgUnit", {"id": U(12), "parentId": U(10), "name": "Serviciul Fixture Gama"})
a = m("assignWorkUnits", {"orgUnitId": U(10), "workUnitIds": [WU_ACH, WU_JUR, U(1)], "expectedVersion": a["version"]})
c = m("assignWorkUnits", {"orgUnitId": U(12), "workUnitIds": [WU_ACH], "expectedVersion": c["version"]})
a = m("unassignWorkUnit", {"orgUnitId": U(10), "workUnitId": WU_JUR, "expectedVersion": a["version"]})
a = m("renameOrgUnit", {"id": U(10), "name": "Direcția Fixture Alfa (redenumită)", "expectedVersion": a["version"]})
b = m("assignWorkUnits", {"orgUnitId": U(11), "workUnitIds": [WU_ACH], "expectedVersion": b["version"]})
c = m("moveOrgUnit", {"id": U(12), "newParentId": U(11), "expectedVersion": c["version"]})
c = m("deactivateOrgUnit", {"id": U(12), "expectedVersion": c["version"]})
c = m("reactivateOrgUnit", {"id": U(12), "expectedVersion": c["version"]})
d = m("createOrgUnit", {"id": U(13), "parentId": IPJ_CLUJ, "name": "Biroul Fixture Cluj"})
e = m("createOrgUnit", {"id": U(14), "parentId": MAI, "name": "Direcția Fixture Dezactivată"})
m("deactivateOrgUnit", {"id": U(14), "expectedVersion": e["version"]})

# --- access
u = m("registerUser", {"id": U(20), "issuer": "http://localhost:8080/dev", "subject": "fixture.one", "displayName": "Fixture Unu",
    "email": "fixture.unu@marc.example", "orgUnitId": IPJ_CLUJ})
u = m("updateUserDetails", {"id": U(20), "displayName": "Fixture Unu Ionescu", "email": "fixture.unu@marc.example", "expectedVersion": u["version"]})
u = m("grantRole", {"userId": U(20), "role": "WORKING_GROUP_MEMBER", "expectedVersion": u["version"]})
u = m("grantRole", {"userId": U(20), "role": "TERRITORIAL_ADMIN", "counties": ["CJ", "BV"], "expectedVersion": u["version"]})
u = m("revokeRole", {"userId": U(20), "role": "TERRITORIAL_ADMIN", "expectedVersion": u["version"]})
v = m("registerUser", {"id": U(21), "issuer": "http://localhost:8080/dev", "subject": "fixture.two", "displayName": "Fixture Doi",
    "email": "fixture.doi@marc.example", "orgUnitId": U(10)})
v = m("grantRole", {"userId": U(21), "role": "INTEGRITY_COUNSELLOR", "followsMemberWorkflow": True, "expectedVersion": v["version"]})
v = m("deactivateUser", {"id": U(21), "reason": "Plecat din instituție", "expectedVersion": v["version"]})
v = m("reactivateUser", {"id": U(21), "expectedVersion": v["version"]})
v = m("transferUser", {"id": U(21), "issuer": "http://localhost:8080/dev", "subject": "fixture.three", "displayName": "Fixture Trei",
    "email": "fixture.trei@marc.example", "transferDetails": "Post preluat la 1 decembrie", "expectedVersion": v["version"]})
g = m("defineWorkingGroup", {"id": U(22), "orgUnitId": U(10), "name": "Grupul de lucru Fixture Alfa"})
g = m("addWorkingGroupMember", {"workingGroupId": U(22), "userId": U(21), "expectedVersion": g["version"]})
g = m("appointWorkingGroupLeader", {"workingGroupId": U(22), "userId": U(21), "expectedVersion": g["version"]})
cluj = q('{ workingGroupOfOrgUnit(orgUnitId:"%s") { id version } }' % IPJ_CLUJ)["data"]["workingGroupOfOrgUnit"]
cl = m("addWorkingGroupMember", {"workingGroupId": cluj["id"], "userId": U(20), "expectedVersion": cluj["version"]})
cl = m("removeWorkingGroupMember", {"workingGroupId": cluj["id"], "userId": U(20), "expectedVersion": cl["version"]})
g = m("removeWorkingGroupMember", {"workingGroupId": U(22), "userId": U(21), "expectedVersion": g["version"]})

# --- nomenclature
dm = m("defineDomain", {"id": U(30), "name": "Domeniu Fixture"})
dm = m("renameDomain", {"id": U(30), "name": "Domeniu Fixture Redenumit", "expectedVersion": dm["version"]})
sd = m("defineDomain", {"id": U(31), "parentDomainId": U(30), "name": "Subdomeniu Fixture"})
act = m("proposeActivity", {"id": U(32), "name": "Activitate fixture aprobată direct", "description": "Descriere",
    "domainId": U(31), "workUnitIds": [WU_ACH], "attachments": [{"name": "Procedură", "reference": "PO-7"}]})
t = m("proposeTask", {"id": U(33), "activityId": U(32), "name": "Sarcină fixture"})
doc = m("proposeDocument", {"id": U(34), "taskId": U(33), "name": "Document fixture", "periodicity": "MONTHLY"})
r = m("proposeRisk", {"id": U(35), "activityId": U(32), "name": "Risc fixture", "description": "Cum se poate produce"})
# a member's proposals: revised, accepted with changes, rejected, then an approved one deactivated
p1 = m("proposeRisk", {"id": U(36), "activityId": U(32), "name": "Risc propus de membru"}, user="member.cluj")
p1 = m("reviseProposal", {"id": U(36), "description": "Revizuit de propunător", "expectedVersion": p1["version"]}, user="member.cluj")
m("acceptProposalWithChanges", {"id": U(36), "decidedVersion": p1["version"], "name": "Risc acceptat cu modificări"})
p2 = m("proposeTask", {"id": U(37), "activityId": U(32), "name": "Sarcină de respins"}, user="member.cluj")
m("rejectProposal", {"id": U(37), "decidedVersion": p2["version"], "reason": "Se suprapune cu o sarcină existentă"})
p3 = m("proposeActivity", {"id": U(38), "name": "Activitate propusă de membru", "domainId": U(31), "workUnitIds": [WU_ACH]}, user="member.cluj")
p3 = m("acceptProposal", {"id": U(38), "decidedVersion": p3["version"]})
m("deactivateNomenclatureItem", {"id": U(38), "expectedVersion": p3["version"]})
p4 = m("proposeDocument", {"id": U(39), "taskId": U(33), "name": "Document propus în așteptare", "periodicity": "ANNUAL"}, user="member.cluj")
iss = m("defineReferenceEntry", {"id": U(40), "list": "ACT_ISSUER", "name": "Emitent fixture"})
iss = m("renameReferenceEntry", {"id": U(40), "name": "Emitent fixture redenumit", "expectedVersion": iss["version"]})
typ = m("defineReferenceEntry", {"id": U(41), "list": "ACT_TYPE", "name": "Tip act fixture"})
sts = m("defineReferenceEntry", {"id": U(42), "list": "ACT_STATUS", "name": "Stare act fixture"})
eff = m("defineReferenceEntry", {"id": U(43), "list": "EFFECT", "name": "Efect fixture dezactivat"})
m("deactivateReferenceEntry", {"id": U(43), "expectedVersion": eff["version"]})
cause = {"workUnitId": WU_ACH, "activityId": U(32), "issuerId": U(40), "actTypeId": U(41), "actNumber": "123", "yearInForce": 2019,
    "actStatusId": U(42), "actTitle": "Ordin fixture", "articleNumber": "7", "extract": "Extras", "corruptionFactors": "Factori",
    "corruptionThreats": "Amenințări", "recommendations": "Recomandări"}
cz = m("addRegulatoryCause", dict(cause, id=U(44)), user="member.cluj")
cz = m("editRegulatoryCause", {"id": U(44), "details": dict(cause, actNumber="124", proposedText="Text propus"), "expectedVersion": cz["version"]}, user="member.cluj")
cz2 = m("addRegulatoryCause", dict(cause, id=U(45), articleNumber="9"))
m("deactivateRegulatoryCause", {"id": U(45), "expectedVersion": cz2["version"]})
print("fixture edits done")

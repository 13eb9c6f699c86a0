package ro.marc.api.projection;

import ro.marc.query.access.AccessReadModelProjection;
import ro.marc.query.analysis.AnalysisReadModelProjection;
import ro.marc.query.analysis.AnalysisSearchProjection;
import ro.marc.query.assessment.AssessmentReadModelProjection;
import ro.marc.query.assessment.AssessmentSearchProjection;
import ro.marc.query.document.CampaignDocumentsProjection;
import ro.marc.query.incident.IncidentReadModelProjection;
import ro.marc.query.incident.IncidentSearchProjection;
import ro.marc.query.methodology.MethodologyReadModelProjection;
import ro.marc.query.nomenclature.NomenclatureReadModelProjection;
import ro.marc.query.notification.NotificationProjection;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.nomenclature.NomenclatureSearchProjection;
import ro.marc.query.org.OrgSearchProjection;
import ro.marc.query.plan.PlanReadModelProjection;
import ro.marc.query.plan.PlanSearchProjection;

import ro.marc.query.questionnaire.QuestionnaireReadModelProjection;
import ro.marc.query.questionnaire.QuestionnaireSearchProjection;
import ro.marc.query.register.RegisterReadModelProjection;

import java.util.List;

/** MARC's projection processing groups (README, Operations). */
public final class ProjectionGroups {

    public static final List<String> ALL = List.of(OrgReadModelProjection.PROCESSING_GROUP,
            OrgSearchProjection.PROCESSING_GROUP, AccessReadModelProjection.PROCESSING_GROUP,
            NomenclatureReadModelProjection.PROCESSING_GROUP, NomenclatureSearchProjection.PROCESSING_GROUP,
            NotificationProjection.PROCESSING_GROUP, PlanReadModelProjection.PROCESSING_GROUP,
            PlanSearchProjection.PROCESSING_GROUP,
            AnalysisReadModelProjection.PROCESSING_GROUP, AnalysisSearchProjection.PROCESSING_GROUP,
            QuestionnaireReadModelProjection.PROCESSING_GROUP, QuestionnaireSearchProjection.PROCESSING_GROUP,
            CampaignDocumentsProjection.PROCESSING_GROUP,
            IncidentReadModelProjection.PROCESSING_GROUP, IncidentSearchProjection.PROCESSING_GROUP,
            AssessmentReadModelProjection.PROCESSING_GROUP, AssessmentSearchProjection.PROCESSING_GROUP,
            MethodologyReadModelProjection.PROCESSING_GROUP, RegisterReadModelProjection.PROCESSING_GROUP);

    private ProjectionGroups() {
    }

    public static boolean isKnown(String group) {
        return ALL.contains(group);
    }
}

package ro.marc.events.assessment.command;

import java.util.UUID;

/** A command on one risk assessment (Anexa 4). The caller is in the command metadata ({@code userId}). */
public interface RiskAssessmentCommand {

    UUID assessmentId();
}

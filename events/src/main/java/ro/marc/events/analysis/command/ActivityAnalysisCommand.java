package ro.marc.events.analysis.command;

/** A command on one activity analysis (Anexa 3). The member is the caller (command metadata {@code userId}). */
public interface ActivityAnalysisCommand {
}

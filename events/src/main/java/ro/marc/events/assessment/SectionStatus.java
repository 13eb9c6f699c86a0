package ro.marc.events.assessment;

/** A401: how a front end colours a section. */
public enum SectionStatus {
    COMPLETE, INCOMPLETE, INVALID
}

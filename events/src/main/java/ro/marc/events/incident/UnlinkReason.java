package ro.marc.events.incident;

/** Why a risk link was removed. */
public enum UnlinkReason {
    /** An administrator removed it. */
    REMOVED,
    /** The incident became an acquittal (§4.4): every link goes, kept in history. */
    ACQUITTAL
}

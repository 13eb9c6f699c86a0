package ro.marc.command.access;

import java.util.UUID;

/**
 * Told, after the transaction committed, that an account's access changed on this node (the api
 * closes that account's open WebSocket sessions at once). Changes made on another node are not
 * announced here: whoever needs them there re-reads {@link AccountAccessTable} periodically.
 */
public interface AccountAccessListener {

    void accountAccessChanged(UUID userId);
}

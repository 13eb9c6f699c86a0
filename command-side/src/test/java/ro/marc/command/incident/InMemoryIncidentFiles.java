package ro.marc.command.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link IncidentFiles} in memory, for aggregate tests: what was kept, by hash (a refused command keeps nothing). */
final class InMemoryIncidentFiles implements IncidentFiles {

    final Map<String, byte[]> kept = new LinkedHashMap<>();

    @Override
    public String keep(byte[] content, String mediaType) {
        String sha256 = IncidentFiles.sha256(content);
        kept.putIfAbsent(sha256, content.clone());
        return sha256;
    }

    @Override
    public Optional<byte[]> content(String sha256) {
        return Optional.ofNullable(kept.get(sha256)).map(byte[]::clone);
    }
}

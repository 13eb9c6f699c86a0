package ro.marc.api.local;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code POST /dev/token?user=admin}: a token for a demo user (and {@code GET /dev/users}); exists only in the {@code local} profile. */
@RestController
@Profile("local")
public class DevTokenController {

    private final DevTokenSigner signer;

    public DevTokenController(DevTokenSigner signer) {
        this.signer = signer;
    }

    @PostMapping("/dev/token")
    public ResponseEntity<Map<String, Object>> token(@RequestParam String user) {
        return DemoUsers.find(user)
                .<ResponseEntity<Map<String, Object>>>map(u -> ResponseEntity.ok(Map.of(
                        "access_token", signer.sign(u), "token_type", "Bearer",
                        "expires_in", DevTokenSigner.LIFETIME.toSeconds(),
                        "user", u.username(), "role", u.role().name(), "counties", u.counties(),
                        "note", "the token names the identity only; rights come from the MARC account")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of(
                        "error", "unknown demo user '" + user + "'", "users", users())));
    }

    @GetMapping("/dev/users")
    public List<Map<String, Object>> users() {
        return DemoUsers.ALL.stream().map(u -> Map.<String, Object>of("user", u.username(),
                "name", u.displayName(), "role", u.role().name(), "counties", u.counties(),
                "orgUnit", u.orgUnit())).toList();
    }
}

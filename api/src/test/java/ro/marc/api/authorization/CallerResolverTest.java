package ro.marc.api.authorization;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;
import ro.marc.command.access.AccountAccessTable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When MARC cannot read its accounts it does not guess the caller: an infrastructure failure, not a bad token. */
class CallerResolverTest {

    @Test
    void an_unreachable_database_while_resolving_the_caller_is_an_authentication_service_exception() {
        AccountAccessTable table = mock(AccountAccessTable.class);
        CannotGetJdbcConnectionException down = new CannotGetJdbcConnectionException("connection refused");
        when(table.byIdentity(any(), any())).thenThrow(down);
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("iss", "marc-test").subject("admin").build();
        assertThatThrownBy(() -> new CallerResolver(table).convert(jwt))
                .isInstanceOf(AuthenticationServiceException.class).hasCause(down);
    }
}

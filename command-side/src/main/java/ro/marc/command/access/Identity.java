package ro.marc.command.access;

/**
 * An identity of the identity provider: the token's {@code iss} and {@code sub}, compared exactly
 * (case-sensitive). Linked to at most one account.
 */
record Identity(String issuer, String subject) {
}

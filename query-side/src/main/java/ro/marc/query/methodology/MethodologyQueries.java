package ro.marc.query.methodology;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;

/** Reads of the methodology read model (table {@code methodology_version}). */
public class MethodologyQueries {

    private final JdbcClient jdbc;

    public MethodologyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version evaluations are made with now; empty before version 1. */
    public Optional<MethodologyVersionView> current() {
        throw new UnsupportedOperationException("H2");
    }

    public Optional<MethodologyVersionView> version(int version) {
        throw new UnsupportedOperationException("H2");
    }

    /** Every version, newest first. */
    public List<MethodologyVersionView> versions() {
        throw new UnsupportedOperationException("H2");
    }
}

-- Finds an entity's events without scanning the stream: a GIN index over every top-level string field
-- of the payload whose name ends in "Id" (events name their subject and references that way).
-- IMMUTABLE is true here: the result depends on the bytes only (the encoding is the constant UTF8).
-- Payloads that are not JSON objects yield no ids instead of failing the append.
CREATE FUNCTION marc_event_entity_ids(payload BYTEA) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE
           WHEN length(payload) > 0 AND get_byte(payload, 0) = 123 -- '{'
               THEN (SELECT coalesce(array_agg(field.value), '{}')
                       FROM jsonb_each(convert_from(payload, 'UTF8')::jsonb) AS raw(key, value_json)
                            CROSS JOIN LATERAL (SELECT raw.value_json #>> '{}' AS value) AS field
                      WHERE raw.key LIKE '%Id' AND jsonb_typeof(raw.value_json) = 'string')
           ELSE '{}'
       END
$$;

CREATE INDEX domain_event_entry_entity_ids ON domain_event_entry USING gin (marc_event_entity_ids(payload));

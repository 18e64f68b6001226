-- Search everything (issue 15 item 1). Free text is matched by a GIN index of character BIGRAMS, not pg_trgm: most
-- Chinese words are two characters (停车, 退款), and pg_trgm extracts no trigram from a two-character LIKE pattern, so
-- it scans the whole index for them. A pair is isolated by spaces before the 'simple' parser sees it, so the same pair
-- gives the same lexemes in a document and in a query; the index only narrows, an ILIKE re-checks every hit. Both
-- passes (pairs from the first character, pairs from the second) drop an unpaired last character: a query's lone
-- last character is not a lexeme of the document.
CREATE FUNCTION search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT tsvector_to_array(strip(to_tsvector('simple'::regconfig,
        regexp_replace(lower(t), '(.)(.)|.', '\1\2 ', 'g') || ' ' || regexp_replace(substr(lower(t), 2), '(.)(.)|.', '\1\2 ', 'g'))))
$$;

-- The case's own searchable fields (name, place, subject, what they ask for, when): one document, one index.
CREATE FUNCTION case_search_doc(subject text, complainant_name text, location text, customer_request text,
                                occurred_at text, contact_email text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(subject, '') || ' ' || coalesce(complainant_name, '') || ' ' || coalesce(location, '') || ' '
        || coalesce(customer_request, '') || ' ' || coalesce(occurred_at, '') || ' ' || coalesce(contact_email, '')
$$;

CREATE INDEX cases_search_grams ON cases USING gin (search_grams(case_search_doc(subject, complainant_name, location,
    customer_request, occurred_at, contact_email)));
CREATE INDEX messages_search_grams ON messages USING gin (search_grams(body_text));

-- A case number typed in full, its beginning ("TS-20261201") or its end ("20261201-00042", "00042").
CREATE INDEX cases_number_prefix ON cases (number text_pattern_ops);
CREATE INDEX cases_number_suffix ON cases (reverse(number) text_pattern_ops);
-- The phone and e-mail written on the case (a collective complaint's or a corrected contact).
CREATE INDEX cases_contact_phone ON cases (contact_phone) WHERE contact_phone IS NOT NULL;
CREATE INDEX cases_contact_email ON cases (lower(contact_email)) WHERE contact_email IS NOT NULL;
-- Results in date order: each lookup walks this index newest (or oldest) first and stops at the page's end, so a word
-- found in a fifth of the cases costs a few probes, not a sort of all its cases.
CREATE INDEX cases_received_id ON cases (received_at, id);

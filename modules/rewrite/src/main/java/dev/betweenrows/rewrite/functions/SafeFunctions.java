package dev.betweenrows.rewrite.functions;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The function allowlist for user queries: PostgreSQL built-ins that only compute a value from their arguments.
 * Everything not listed is refused (default deny): functions that run SQL text ({@code query_to_xml}, …), touch
 * files, the network or large objects ({@code pg_read_file}, {@code dblink}, {@code lo_import}), read or change
 * server or session state ({@code set_config}, {@code setseed}, {@code nextval}, {@code txid_current}), act on other
 * sessions ({@code pg_terminate_backend}, advisory locks, {@code pg_notify}), and every upstream user-defined
 * function. Names are matched lower-case; a qualified name must be {@code pg_catalog.<listed>}.
 *
 * <p>Admin-written policy expressions are spliced as text and never checked against this list.
 */
final class SafeFunctions {

    private static final Set<String> AGGREGATES = words("""
            count sum avg min max array_agg string_agg json_agg jsonb_agg json_object_agg jsonb_object_agg
            bool_and bool_or every bit_and bit_or bit_xor any_value stddev stddev_pop stddev_samp variance var_pop
            var_samp corr covar_pop covar_samp regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope
            regr_sxx regr_sxy regr_syy percentile_cont percentile_disc mode grouping""");

    private static final Set<String> WINDOWS = words("""
            row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value""");

    private static final Set<String> CONDITIONALS = words("coalesce nullif greatest least num_nulls num_nonnulls");

    private static final Set<String> MATH = words("""
            abs cbrt ceil ceiling degrees div exp factorial floor gcd lcm ln log log10 min_scale mod pi power pow
            radians round scale sign sqrt trim_scale trunc width_bucket random acos asin atan atan2 cos cot sin tan
            acosd asind atand atan2d cosd cotd sind tand sinh cosh tanh asinh acosh atanh""");

    private static final Set<String> STRINGS = words("""
            ascii bit_length btrim char_length character_length chr concat concat_ws format initcap left length
            lower lpad ltrim md5 normalize octet_length overlay position quote_ident quote_literal quote_nullable
            regexp_count regexp_instr regexp_like regexp_match regexp_matches regexp_replace regexp_split_to_array
            regexp_split_to_table regexp_substr repeat replace reverse right rpad rtrim split_part starts_with
            string_to_array string_to_table strpos substr substring to_ascii to_hex translate trim upper unistr
            encode decode sha224 sha256 sha384 sha512 convert convert_from convert_to get_byte get_bit""");

    private static final Set<String> DATES = words("""
            age clock_timestamp date_bin date_part date_trunc extract isfinite justify_days justify_hours
            justify_interval make_date make_interval make_time make_timestamp make_timestamptz now
            statement_timestamp timeofday transaction_timestamp to_timestamp to_date to_char to_number
            date_add date_subtract timezone""");

    private static final Set<String> JSON = words("""
            to_json to_jsonb array_to_json row_to_json json_build_array jsonb_build_array json_build_object
            jsonb_build_object json_object jsonb_object json_array_length jsonb_array_length json_each jsonb_each
            json_each_text jsonb_each_text json_extract_path jsonb_extract_path json_extract_path_text
            jsonb_extract_path_text json_object_keys jsonb_object_keys json_array_elements jsonb_array_elements
            json_array_elements_text jsonb_array_elements_text json_typeof jsonb_typeof json_strip_nulls
            jsonb_strip_nulls jsonb_set jsonb_insert jsonb_pretty jsonb_path_query jsonb_path_exists
            jsonb_path_match jsonb_path_query_array jsonb_path_query_first""");

    private static final Set<String> ARRAYS_AND_SETS = words("""
            array_append array_cat array_dims array_fill array_length array_lower array_upper array_ndims
            array_position array_positions array_prepend array_remove array_replace array_to_string cardinality
            trim_array unnest generate_series generate_subscripts isempty lower_inc upper_inc lower_inf upper_inf
            daterange tstzrange tsrange int4range int8range numrange""");

    /** Function-style casts and type helpers (CAST itself is Calcite's name for CAST(x AS t)). */
    private static final Set<String> CASTS = words("cast date text numeric float8 int4 int8 bool gen_random_uuid");

    private static final Set<String> FULL_TEXT = words("""
            to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd
            ts_headline setweight strip""");

    private static final Set<String> ALLOWED = Stream.of(AGGREGATES, WINDOWS, CONDITIONALS, MATH, STRINGS, DATES,
            JSON, ARRAYS_AND_SETS, CASTS, FULL_TEXT).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /**
     * Settings {@code current_setting('x')} may read: client-visible formatting only. Not the server version (the
     * proxy answers that itself), paths, addresses, roles or anything else about the upstream server.
     */
    static final Set<String> READABLE_SETTINGS = words("""
            timezone datestyle intervalstyle client_encoding server_encoding standard_conforming_strings
            integer_datetimes extra_float_digits max_identifier_length bytea_output lc_monetary lc_numeric
            lc_time""");

    /** The longest {@code pg_sleep} (seconds, a numeric literal) a user query may ask for. */
    static final double MAX_SLEEP_SECONDS = 5.0;

    private SafeFunctions() {}

    static boolean isAllowed(String lowerCaseName) {
        return ALLOWED.contains(lowerCaseName);
    }

    private static Set<String> words(String text) {
        return Stream.of(text.strip().split("\\s+")).map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}

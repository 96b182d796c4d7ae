package dev.betweenrows.rewrite.lex;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** PostgreSQL's keyword list (kwlist.h, versions 13–16) by category. Only unquoted words can be keywords. */
public final class PgKeywords {

    public enum Category { UNRESERVED, COL_NAME, TYPE_FUNC_NAME, RESERVED }

    private static final Set<String> RESERVED = words("""
        all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
        current_catalog current_date current_role current_time current_timestamp current_user default deferrable
        desc distinct do else end except false fetch for foreign from grant group having in initially intersect
        into lateral leading limit localtime localtimestamp not null offset on only or order placing primary
        references returning select session_user some symmetric system_user table then to trailing true union
        unique user using variadic when where window with""");

    private static final Set<String> TYPE_FUNC_NAME = words("""
        authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join
        left like natural notnull outer overlaps right similar tablesample verbose""");

    private static final Set<String> COL_NAME = words("""
        between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping
        inout int integer interval json_array json_arrayagg json_object json_objectagg json_scalar json_serialize
        least national nchar none normalize nullif numeric out overlay position precision real row setof smallint
        substring time timestamp treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest
        xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable""");

    private static final Set<String> UNRESERVED = words("""
        abort absent absolute access action add admin after aggregate also alter always asensitive assertion
        assignment at atomic attach attribute backward before begin breadth by cache call called cascade cascaded
        catalog chain characteristics checkpoint class close cluster columns comment comments commit committed
        compression configuration conflict connection constraints content continue conversion copy cost csv cube
        current cursor cycle data database day deallocate declare defaults deferred definer delete delimiter
        delimiters depends depth detach dictionary disable discard document domain double drop each enable encoding
        encrypted enum escape event exclude excluding exclusive execute explain expression extension external
        family filter finalize first following force format forward function functions generated global granted
        groups handler header hold hour identity if immediate immutable implicit import include including
        increment indent index indexes inherit inherits inline input insensitive insert instead invoker isolation
        json key keys label language large last leakproof level listen load local location lock locked logged
        mapping match matched materialized maxvalue merge method minute minvalue mode month move name names new
        next nfc nfd nfkc nfkd no normalized nothing notify nowait nulls object of off oids old operator option
        options ordinality others over overriding owned owner parallel parameter parser partial partition passing
        password plans policy preceding prepare prepared preserve prior privileges procedural procedure procedures
        program publication quote range read reassign recheck recursive ref referencing refresh reindex relative
        release rename repeatable replace replica reset restart restrict return returns revoke role rollback
        rollup routine routines rows rule savepoint scalar schema schemas scroll search second security sequence
        sequences serializable server session set sets share show simple skip snapshot sql stable standalone
        start statement statistics stdin stdout storage stored strict strip subscription support sysid system
        tables tablespace temp template temporary text ties transaction transform trigger truncate trusted type
        types uescape unbounded uncommitted unencrypted unknown unlisten unlogged until update vacuum valid
        validate validator value varying version view views volatile whitespace within without work wrapper
        write xml year yes zone""");

    /** All four lists in one table: the lexer looks up every word it reads, most of them names. */
    private static final Map<String, Category> CATEGORIES = categories();

    private PgKeywords() {}

    /** The category of a folded word, or {@code null} when it is not a keyword. */
    public static Category category(String lowerCaseWord) {
        return CATEGORIES.get(lowerCaseWord);
    }

    public static boolean isKeyword(String lowerCaseWord) {
        return category(lowerCaseWord) != null;
    }

    public static boolean isReserved(String lowerCaseWord) {
        return RESERVED.contains(lowerCaseWord);
    }

    private static Map<String, Category> categories() {
        Map<String, Category> all = new HashMap<>();
        for (String w : UNRESERVED) all.put(w, Category.UNRESERVED);
        for (String w : COL_NAME) all.put(w, Category.COL_NAME);
        for (String w : TYPE_FUNC_NAME) all.put(w, Category.TYPE_FUNC_NAME);
        for (String w : RESERVED) all.put(w, Category.RESERVED);   // last: a word in two lists takes the stronger
        return Map.copyOf(all);
    }

    private static Set<String> words(String list) {
        return Set.of(list.strip().split("\\s+"));
    }
}

package dev.betweenrows.rewrite.catalog;

import java.util.Map;

/**
 * Column lists of the emulated relations (PostgreSQL 15's, in its order; arrays are kept in their text form).
 * Relations listed in {@link #EMPTY} exist with no rows: BetweenRows shows no defaults, comments, inheritance,
 * policies, statistics or triggers. Keys and their indexes are in {@link KeyRelations}.
 */
final class RelationSpecs {
    static final String PG_NAMESPACE = "oid:oid nspname:name nspowner:oid nspacl:_aclitem";
    static final String PG_CLASS = "oid:oid relname:name relnamespace:oid reltype:oid reloftype:oid relowner:oid "
            + "relam:oid relfilenode:oid reltablespace:oid relpages:int4 reltuples:float4 relallvisible:int4 "
            + "reltoastrelid:oid relhasindex:bool relisshared:bool relpersistence:char relkind:char relnatts:int2 "
            + "relchecks:int2 relhasrules:bool relhastriggers:bool relhassubclass:bool relrowsecurity:bool "
            + "relforcerowsecurity:bool relispopulated:bool relreplident:char relispartition:bool relrewrite:oid "
            + "relacl:_aclitem reloptions:_text relpartbound:pg_node_tree";
    static final String PG_ATTRIBUTE = "attrelid:oid attname:name atttypid:oid attstattarget:int4 attlen:int2 "
            + "attnum:int2 attndims:int4 attcacheoff:int4 atttypmod:int4 attbyval:bool attalign:char "
            + "attstorage:char attcompression:char attnotnull:bool atthasdef:bool atthasmissing:bool "
            + "attidentity:char attgenerated:char attisdropped:bool attislocal:bool attinhcount:int4 "
            + "attcollation:oid attacl:_aclitem attoptions:_text attfdwoptions:_text";
    static final String PG_DATABASE = "oid:oid datname:name datdba:oid encoding:int4 datlocprovider:char "
            + "datistemplate:bool datallowconn:bool datconnlimit:int4 dattablespace:oid datcollate:text "
            + "datctype:text daticulocale:text datcollversion:text datacl:_aclitem";
    static final String PG_ROLES = "rolname:name rolsuper:bool rolinherit:bool rolcreaterole:bool rolcreatedb:bool "
            + "rolcanlogin:bool rolreplication:bool rolconnlimit:int4 rolpassword:text rolvaliduntil:text "
            + "rolbypassrls:bool rolconfig:_text oid:oid";
    static final String PG_USER = "usename:name usesysid:oid usecreatedb:bool usesuper:bool userepl:bool "
            + "usebypassrls:bool passwd:text valuntil:text useconfig:_text";
    static final String PG_SETTINGS = "name:text setting:text unit:text category:text short_desc:text "
            + "extra_desc:text context:text vartype:text source:text min_val:text max_val:text enumvals:_text "
            + "boot_val:text reset_val:text sourcefile:text sourceline:int4 pending_restart:bool";
    static final String IS_SCHEMATA = "catalog_name:name schema_name:name schema_owner:name "
            + "default_character_set_catalog:name default_character_set_schema:name "
            + "default_character_set_name:name sql_path:text";
    static final String IS_TABLES = "table_catalog:name table_schema:name table_name:name table_type:text "
            + "self_referencing_column_name:name reference_generation:text user_defined_type_catalog:name "
            + "user_defined_type_schema:name user_defined_type_name:name is_insertable_into:text is_typed:text "
            + "commit_action:text";
    static final String IS_COLUMNS = "table_catalog:name table_schema:name table_name:name column_name:name "
            + "ordinal_position:int4 column_default:text is_nullable:text data_type:text "
            + "character_maximum_length:int4 character_octet_length:int4 numeric_precision:int4 "
            + "numeric_precision_radix:int4 numeric_scale:int4 datetime_precision:int4 udt_catalog:name "
            + "udt_schema:name udt_name:name is_identity:text is_generated:text is_updatable:text";
    static final String IS_VIEWS = "table_catalog:name table_schema:name table_name:name view_definition:text "
            + "check_option:text is_updatable:text is_insertable_into:text is_trigger_updatable:text "
            + "is_trigger_deletable:text is_trigger_insertable_into:text";

    /** pg_catalog relations that exist and are always empty. */
    static final Map<String, String> EMPTY = Map.ofEntries(
            Map.entry("pg_attrdef", "oid:oid adrelid:oid adnum:int2 adbin:pg_node_tree"),
            Map.entry("pg_description", "objoid:oid classoid:oid objsubid:int4 description:text"),
            Map.entry("pg_shdescription", "objoid:oid classoid:oid description:text"),
            Map.entry("pg_inherits", "inhrelid:oid inhparent:oid inhseqno:int4 inhdetachpending:bool"),
            Map.entry("pg_depend", "classid:oid objid:oid objsubid:int4 refclassid:oid refobjid:oid "
                    + "refobjsubid:int4 deptype:char"),
            Map.entry("pg_policy", "oid:oid polname:name polrelid:oid polcmd:char polpermissive:bool "
                    + "polroles:_oid polqual:pg_node_tree polwithcheck:pg_node_tree"),
            Map.entry("pg_statistic_ext", "oid:oid stxrelid:oid stxname:name stxnamespace:oid stxowner:oid "
                    + "stxstattarget:int4 stxkeys:int2vector stxkind:text"),
            Map.entry("pg_trigger", "oid:oid tgrelid:oid tgparentid:oid tgname:name tgfoid:oid tgtype:int2 "
                    + "tgenabled:char tgisinternal:bool tgconstrrelid:oid tgconstrindid:oid tgconstraint:oid "
                    + "tgdeferrable:bool tginitdeferred:bool tgnargs:int2 tgattr:int2vector tgargs:text"),
            Map.entry("pg_auth_members", "roleid:oid member:oid grantor:oid admin_option:bool"),
            Map.entry("pg_enum", "oid:oid enumtypid:oid enumsortorder:float4 enumlabel:name"),
            Map.entry("pg_sequence", "seqrelid:oid seqtypid:oid seqstart:int8 seqincrement:int8 seqmax:int8 "
                    + "seqmin:int8 seqcache:int8 seqcycle:bool"),
            Map.entry("pg_extension", "oid:oid extname:name extowner:oid extnamespace:oid extrelocatable:bool "
                    + "extversion:text"),
            Map.entry("pg_stats", "schemaname:name tablename:name attname:name inherited:bool null_frac:float4 "
                    + "avg_width:int4 n_distinct:float4"),
            Map.entry("pg_statistic", "starelid:oid staattnum:int2 stainherit:bool stanullfrac:float4 "
                    + "stawidth:int4 stadistinct:float4"));

    private RelationSpecs() {}
}

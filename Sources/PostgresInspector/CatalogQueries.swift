/// The set-based catalog queries capture runs: one per object kind, never one per table.
/// The large ones return rows in canonical key order (byte order: `name` columns sort in the
/// "C" collation), which is cheaper on the server than sorting model values afterwards.
///
/// Every query runs with `search_path = ''`, so `pg_get_*def` and `format_type` qualify every
/// name with its schema and the text does not depend on the session. Lists are joined with
/// the unit separator `chr(31)` and split again in `PostgresRow.list`.
struct CatalogQueries {
    /// SQL predicate on a `pg_namespace` alias `n`: a user schema, not an excluded one.
    let userSchema: String
    /// The OIDs of the relations the per-table queries (columns, constraints, indexes,
    /// policies) read, when they read a slice of them; nil for all.
    var relationSlice: ClosedRange<Int64>?

    /// SQL: ` AND` the relation OID `column` is in `relationSlice` (nothing when all are
    /// read). On `pg_attribute.attrelid` too, so a slice's columns come through its index.
    private func inSlice(_ column: String) -> String {
        relationSlice.map { " AND \(column) BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
    }

    /// The same queries, reading the relations whose OIDs are in `slice`.
    func slice(_ slice: ClosedRange<Int64>) -> CatalogQueries {
        var sliced = self
        sliced.relationSlice = slice
        return sliced
    }

    /// The OIDs of the relations whose columns, constraints, indexes and policies are
    /// captured, in order: where `slices` cuts.
    var relationOIDs: String {
        """
        SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.oid >= 16384 AND \(userSchema) ORDER BY 1
        """
    }

    init(excludedSchemas: [String]) {
        let list = (["pg_catalog", "information_schema", "pg_toast"] + excludedSchemas)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
            .joined(separator: ", ")
        userSchema = """
            n.nspname NOT IN (\(list)) AND n.nspname NOT LIKE 'pg\\_temp\\_%' \
            AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
            """
    }

    /// SQL predicate: the function `p` was created by the user, not implicitly with a range type.
    let notImplicitFunction = """
        NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass \
        AND d.objid = p.oid AND d.deptype = 'i')
        """

    /// SQL predicate: the object `oidColumn` of catalog `catalog` is not owned by an extension.
    func notFromExtension(_ catalog: String, _ oidColumn: String) -> String {
        """
        NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.\(catalog)'::pg_catalog.regclass \
        AND d.objid = \(oidColumn) AND d.deptype = 'e')
        """
    }

    /// SQL predicate: the object `oidColumn` of `catalog` is an extension's member.
    func fromExtension(_ catalog: String, _ oidColumn: String) -> String {
        """
        EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.\(catalog)'::pg_catalog.regclass \
        AND d.objid = \(oidColumn) AND d.deptype = 'e')
        """
    }

    /// SQL predicate: the relation, function or type `oidColumn` of `catalog` is the user's
    /// (not an extension's) and still exists in the latest committed catalog. The capture's
    /// rows come from its snapshot, but `pg_get_*def` read the latest catalog and fail on an
    /// object dropped since; the `pg_*_is_visible` functions return NULL for such an object,
    /// so a row for it is never rendered, as if the DROP had committed before the snapshot.
    func captured(_ catalog: String, _ oidColumn: String) -> String {
        let visible =
            switch catalog {
            case "pg_class": "pg_catalog.pg_table_is_visible(\(oidColumn)) IS NOT NULL"
            case "pg_proc": "pg_catalog.pg_function_is_visible(\(oidColumn)) IS NOT NULL"
            default: "pg_catalog.pg_type_is_visible(\(oidColumn)) IS NOT NULL"
            }
        // User objects have OIDs from FirstNormalObjectId (16384) on: a cheap first test that
        // spares the others for the thousands of built-in rows of these catalogs.
        return "\(oidColumn) >= 16384 AND " + notFromExtension(catalog, oidColumn) + " AND " + visible
    }

    /// Relations the capture's snapshot holds that the latest catalog no longer does: dropped
    /// while the capture read. Run by each connection after its reads, so that everything a
    /// read left out as dropped is found.
    var droppedWhileReading: String {
        """
        SELECT n.nspname AS schema, c.relname AS name
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND \(userSchema) AND \(notFromExtension("pg_class", "c.oid"))
          AND pg_catalog.pg_table_is_visible(c.oid) IS NULL
        """
    }

    /// Relations of this database other sessions hold `ACCESS EXCLUSIVE` locks on, with the
    /// session and its statement: what a capture that timed out was waiting for.
    static let exclusiveLocks = """
        SELECT l.relation::pg_catalog.regclass::pg_catalog.text, l.pid, COALESCE(a.query, '')
        FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.granted
          AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
          AND l.pid <> pg_catalog.pg_backend_pid()
        ORDER BY 1, 2
        """

    /// SQL: a `LEFT JOIN` of `pg_description` as `alias`, the comment on object `oid` of
    /// `catalog` (column `subid` of it, or the object itself). The same rows
    /// `obj_description`/`col_description` return, joined once instead of one lookup query per row.
    func comment(_ alias: String, _ catalog: String, _ oid: String, subid: String = "0") -> String {
        """
        LEFT JOIN pg_catalog.pg_description \(alias) ON \(alias).objoid = \(oid) \
        AND \(alias).classoid = 'pg_catalog.\(catalog)'::pg_catalog.regclass AND \(alias).objsubid = \(subid)
        """
    }

    /// Schemas (pg_namespace), with owner and comment.
    var schemas: String {
        """
        SELECT n.nspname AS name, pg_catalog.pg_get_userbyid(n.nspowner) AS owner, d.description AS comment
        FROM pg_catalog.pg_namespace n
        \(comment("d", "pg_namespace", "n.oid"))
        WHERE \(userSchema) AND \(notFromExtension("pg_namespace", "n.oid"))
        """
    }

    /// Extensions; their schema may be a system one, so no schema filter here.
    let extensions = """
        SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema,
          (SELECT pg_catalog.string_agg(DISTINCT s.nspname, chr(31) ORDER BY s.nspname)
           FROM pg_catalog.pg_depend d
           LEFT JOIN pg_catalog.pg_proc p ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = d.objid
           LEFT JOIN pg_catalog.pg_class c ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = d.objid
           LEFT JOIN pg_catalog.pg_type t ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.objid
           JOIN pg_catalog.pg_namespace s ON s.oid = COALESCE(p.pronamespace, c.relnamespace, t.typnamespace)
           WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = e.oid AND d.deptype = 'e'
          ) AS member_schemas
        FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql'
        """

    /// User-defined collations.
    var collations: String {
        """
        SELECT n.nspname AS schema, c.collname AS name,
          CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' ELSE 'default' END AS provider,
          c.collcollate AS lc_collate, c.collctype AS lc_ctype, c.collisdeterministic AS deterministic,
          pg_catalog.pg_get_userbyid(c.collowner) AS owner, d.description AS comment,
          COALESCE(pg_catalog.to_jsonb(c) ->> 'colliculocale', pg_catalog.to_jsonb(c) ->> 'colllocale') AS icu_locale
        FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
        \(comment("d", "pg_collation", "c.oid"))
        WHERE \(userSchema) AND \(notFromExtension("pg_collation", "c.oid"))
        """
    }

    /// Enums (labels in sort order), domains (with their constraints), composite types (only
    /// free-standing ones: a table's row type is the table) and ranges.
    var types: String {
        """
        SELECT n.nspname AS schema, t.typname AS name,
          CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite' ELSE 'range' END AS type_kind,
          CASE WHEN t.typtype = 'e' THEN (SELECT pg_catalog.string_agg(e.enumlabel, chr(31) ORDER BY e.enumsortorder)
            FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) END AS labels,
          CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_type,
          t.typdefault AS default_value,
          CASE WHEN t.typtype = 'd' THEN t.typnotnull END AS not_null,
          CASE WHEN t.typtype = 'd' THEN (SELECT pg_catalog.string_agg(c.conname || ': ' || pg_catalog.pg_get_constraintdef(c.oid, true), chr(31) ORDER BY c.conname)
            FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid) END AS constraints,
          CASE WHEN t.typtype = 'c' THEN (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), chr(31) ORDER BY a.attnum)
            FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END AS attributes,
          CASE WHEN t.typtype = 'r' THEN (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid) END AS subtype,
          pg_catalog.pg_get_userbyid(t.typowner) AS owner, d.description AS comment
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        \(comment("d", "pg_type", "t.oid"))
        LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
        WHERE t.typtype IN ('e', 'd', 'c', 'r') AND (t.typtype <> 'c' OR tc.relkind = 'c')
          AND \(userSchema) AND \(captured("pg_type", "t.oid"))
        """
    }

    /// Sequences with their parameters and owning column; identity sequences belong to their
    /// column and are left out (pg_depend deptype 'i').
    var sequences: String {
        """
        SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
          s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min_value, s.seqmax AS max_value,
          s.seqcache AS cache, s.seqcycle AS cycle,
          (SELECT pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(tc.relname) || '.' || pg_catalog.quote_ident(a.attname)
             FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
             JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
             JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'a' AND d.refobjsubid > 0)
            AS owned_by,
          pg_catalog.pg_get_userbyid(c.relowner) AS owner, ds.description AS comment
        FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(comment("ds", "pg_class", "c.oid"))
        WHERE \(userSchema) AND \(captured("pg_class", "c.oid"))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND d.objid = c.oid AND d.deptype = 'i')
        """
    }

    /// Tables, partitioned tables, views, materialized views and foreign tables. The joins on
    /// pg_inherits and pg_foreign_table add a partition's parent and a foreign table's server.
    var relations: String {
        """
        SELECT n.nspname AS schema, c.relname AS name,
          CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
            WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END AS relation_kind,
          CASE c.relpersistence WHEN 'u' THEN 'unlogged' ELSE 'permanent' END AS persistence,
          c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced,
          CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
          CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
          CASE WHEN c.relispartition THEN pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(pc.relname) END
            AS partition_of,
          CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END AS view_definition,
          (SELECT pg_catalog.string_agg(o, chr(31) ORDER BY o) FROM pg_catalog.unnest(c.reloptions) o) AS options,
          fs.srvname AS foreign_server,
          CASE c.relreplident WHEN 'd' THEN 'default' WHEN 'n' THEN 'nothing' WHEN 'f' THEN 'full' ELSE 'index' END
            AS replica_identity,
          pg_catalog.pg_get_userbyid(c.relowner) AS owner, d.description AS comment,
          CASE WHEN ft.ftoptions IS NOT NULL THEN
            (SELECT pg_catalog.string_agg(o, chr(31) ORDER BY o) FROM pg_catalog.unnest(ft.ftoptions) o) END AS foreign_options
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(comment("d", "pg_class", "c.oid"))
        LEFT JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
        LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
        LEFT JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
        LEFT JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND \(userSchema) AND \(captured("pg_class", "c.oid"))
        ORDER BY n.nspname, c.relname
        """
    }

    /// Live columns of those relations. The position is counted over live columns only, so a
    /// dropped and re-added column does not look moved; pg_attrdef holds defaults and
    /// generation expressions; the collation is named only where it differs from the type's.
    /// Each distinct type and modifier (of the slice's attributes) is formatted once, not once
    /// per column.
    var columns: String {
        """
        SELECT n.nspname AS schema, c.relname AS "table", a.attname AS name,
          pg_catalog.row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS position,
          ft.type AS type, a.attnotnull AS not_null,
          CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS default_value,
          CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END AS identity,
          CASE WHEN a.attidentity <> '' THEN (
            SELECT 'start=' || s.seqstart || chr(31) || 'increment=' || s.seqincrement || chr(31) || 'min=' || s.seqmin
              || chr(31) || 'max=' || s.seqmax || chr(31) || 'cache=' || s.seqcache || chr(31) || 'cycle=' || s.seqcycle
            FROM pg_catalog.pg_depend sd JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
            WHERE sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'i')
          END AS identity_options,
          CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
          CASE WHEN a.attcollation <> t.typcollation THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END
            AS collation,
          d.description AS comment,
          CASE WHEN a.attstorage <> t.typstorage THEN CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'
            WHEN 'm' THEN 'main' ELSE 'extended' END END AS storage,
          CASE WHEN a.attfdwoptions IS NOT NULL THEN
            (SELECT pg_catalog.string_agg(o, chr(31) ORDER BY o) FROM pg_catalog.unnest(a.attfdwoptions) o) END AS foreign_options
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN (SELECT u.atttypid, u.atttypmod, pg_catalog.format_type(u.atttypid, u.atttypmod) AS type
              FROM (SELECT DISTINCT atttypid, atttypmod FROM pg_catalog.pg_attribute u WHERE u.attnum > 0\(inSlice("u.attrelid"))) u) ft
          ON ft.atttypid = a.atttypid AND ft.atttypmod = a.atttypmod
        \(comment("d", "pg_class", "a.attrelid", subid: "a.attnum"))
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND \(userSchema) AND \(captured("pg_class", "c.oid"))\(inSlice("c.oid"))\(inSlice("a.attrelid"))
        ORDER BY n.nspname, c.relname, a.attname
        """
    }

    /// Table constraints (domain constraints belong to their type); the join on the
    /// referenced table names a foreign key's target.
    var constraints: String {
        """
        SELECT n.nspname AS schema, c.relname AS "table", k.conname AS name,
          CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'f' THEN 'foreign key' WHEN 'u' THEN 'unique'
            WHEN 'c' THEN 'check' ELSE 'exclusion' END AS constraint_type,
          pg_catalog.pg_get_constraintdef(k.oid, true) AS definition,
          CASE WHEN k.contype = 'f' THEN pg_catalog.quote_ident(rn.nspname) || '.' || pg_catalog.quote_ident(rc.relname) END
            AS referenced_table, d.description AS comment
        FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(comment("d", "pg_constraint", "k.oid"))
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE k.contype IN ('p', 'f', 'u', 'c', 'x') AND k.conparentid = 0
          AND \(userSchema) AND \(captured("pg_class", "c.oid"))\(inSlice("c.oid"))
        ORDER BY n.nspname, c.relname, k.conname
        """
    }

    /// Indexes with their table; pg_constraint names the constraint an index implements.
    var indexes: String {
        """
        SELECT n.nspname AS schema, c.relname AS "table", ic.relname AS name,
          pg_catalog.pg_get_indexdef(i.indexrelid) AS definition, i.indisunique AS "unique", i.indisprimary AS "primary",
          pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate, i.indisvalid AS valid,
          k.conname AS constraint_name, d.description AS comment, NULLIF(i.indisreplident, false) AS replica_identity
        FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        \(comment("d", "pg_class", "i.indexrelid"))
        LEFT JOIN (SELECT conindid, conrelid, pg_catalog.min(conname) AS conname FROM pg_catalog.pg_constraint
                   WHERE contype IN ('p', 'u', 'x') GROUP BY conindid, conrelid) k
          ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE \(userSchema) AND \(captured("pg_class", "c.oid"))\(inSlice("c.oid"))
        ORDER BY n.nspname, c.relname, ic.relname
        """
    }

    /// Row-level security policies; `polroles = {0}` means PUBLIC.
    var policies: String {
        """
        SELECT n.nspname AS schema, c.relname AS "table", p.polname AS name,
          CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
            AS command,
          p.polpermissive AS permissive,
          (SELECT pg_catalog.string_agg(CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid) END, chr(31)
             ORDER BY CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid) END)
             FROM pg_catalog.unnest(p.polroles) AS r(oid)) AS roles,
          pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS "using", pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
          d.description AS comment
        FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(comment("d", "pg_policy", "p.oid"))
        WHERE \(userSchema) AND \(captured("pg_class", "c.oid"))\(inSlice("c.oid"))
        ORDER BY n.nspname, c.relname, p.polname
        """
    }

    /// An aggregate's options as `CREATE AGGREGATE` takes them, from `pg_aggregate` `ag` and
    /// `pg_proc` `p`; NULL for other routines. Defaults are left out.
    private let aggregateOptions = """
        CASE WHEN p.prokind = 'a' THEN pg_catalog.concat_ws(', ',
          'SFUNC = ' || ag.aggtransfn::pg_catalog.regproc::pg_catalog.text,
          'STYPE = ' || pg_catalog.format_type(ag.aggtranstype, NULL),
          CASE WHEN ag.aggtransspace <> 0 THEN 'SSPACE = ' || ag.aggtransspace END,
          CASE WHEN ag.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ag.aggfinalfn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
          CASE WHEN ag.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = '
            || CASE ag.aggfinalmodify WHEN 's' THEN 'SHAREABLE' WHEN 'w' THEN 'READ_WRITE' ELSE 'READ_ONLY' END END,
          CASE WHEN ag.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ag.aggcombinefn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.aggserialfn <> 0 THEN 'SERIALFUNC = ' || ag.aggserialfn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || ag.aggdeserialfn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.agginitval IS NOT NULL THEN 'INITCOND = ' || pg_catalog.quote_literal(ag.agginitval) END,
          CASE WHEN ag.aggmtransfn <> 0 THEN 'MSFUNC = ' || ag.aggmtransfn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || ag.aggminvtransfn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.aggmtranstype <> 0 THEN 'MSTYPE = ' || pg_catalog.format_type(ag.aggmtranstype, NULL) END,
          CASE WHEN ag.aggmtransspace <> 0 THEN 'MSSPACE = ' || ag.aggmtransspace END,
          CASE WHEN ag.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || ag.aggmfinalfn::pg_catalog.regproc::pg_catalog.text END,
          CASE WHEN ag.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
          CASE WHEN ag.aggminitval IS NOT NULL THEN 'MINITCOND = ' || pg_catalog.quote_literal(ag.aggminitval) END,
          CASE WHEN ag.aggsortop <> 0 THEN 'SORTOP = ' || (SELECT o.oprname FROM pg_catalog.pg_operator o WHERE o.oid = ag.aggsortop) END,
          CASE WHEN ag.aggkind = 'h' THEN 'HYPOTHETICAL' END,
          CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)
        END
        """

    /// Functions, procedures, aggregates and window functions; pg_aggregate describes an
    /// aggregate's transition function, pg_language its language.
    var functions: String {
        """
        SELECT n.nspname AS schema, p.proname AS name, pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
          CASE p.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'window' END
            AS function_kind,
          CASE WHEN p.prokind <> 'p' THEN pg_catalog.pg_get_function_result(p.oid) END AS result,
          l.lanname AS language,
          CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END AS volatility,
          p.prosecdef AS security_definer, p.proisstrict AS strict, p.proleakproof AS leakproof,
          CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END AS parallel,
          pg_catalog.array_to_string(p.proconfig, chr(31)) AS config,
          CASE WHEN p.prokind = 'a' THEN 'sfunc=' || ag.aggtransfn::pg_catalog.regproc::pg_catalog.text
                 || ' stype=' || pg_catalog.format_type(ag.aggtranstype, NULL)
                 || COALESCE(' finalfunc=' || NULLIF(ag.aggfinalfn, 0)::pg_catalog.regproc::pg_catalog.text, '')
                 || COALESCE(' initcond=' || ag.agginitval, '')
               WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid)
               ELSE p.prosrc END AS body,
          \(aggregateOptions) AS aggregate_options,
          pg_catalog.pg_get_userbyid(p.proowner) AS owner, d.description AS comment
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        \(comment("d", "pg_proc", "p.oid"))
        JOIN pg_catalog.pg_language l ON l.oid = p.prolang
        LEFT JOIN pg_catalog.pg_aggregate ag ON ag.aggfnoid = p.oid
        WHERE \(userSchema) AND \(captured("pg_proc", "p.oid")) AND \(notImplicitFunction)
        """
    }

    /// User triggers (internal ones implement foreign keys and are left out; so are clones
    /// on partitions, which their parent's trigger defines).
    var triggers: String {
        """
        SELECT n.nspname AS schema, c.relname AS "table", t.tgname AS name, pg_catalog.pg_get_triggerdef(t.oid) AS definition,
          CASE t.tgenabled WHEN 'O' THEN 'origin' WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' ELSE 'always' END AS enabled,
          d.description AS comment
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(comment("d", "pg_trigger", "t.oid"))
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND \(userSchema) AND \(captured("pg_class", "c.oid"))
        ORDER BY n.nspname, c.relname, t.tgname
        """
    }

    /// Rewrite rules other than a view's own `_RETURN` rule.
    var rules: String {
        """
        SELECT n.nspname AS schema, c.relname AS "table", r.rulename AS name, pg_catalog.pg_get_ruledef(r.oid) AS definition,
          d.description AS comment,
          CASE r.ev_enabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' ELSE 'origin' END AS enabled
        FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        \(comment("d", "pg_rewrite", "r.oid"))
        WHERE r.rulename <> '_RETURN' AND \(userSchema) AND \(captured("pg_class", "c.oid"))
        """
    }

    /// Effective privileges, one row per object and grantee: `aclexplode` over each object's
    /// ACL or, where none is stored, the built-in default (`acldefault`), minus the owner's own
    /// implicit rights, grouped per grantee. One branch
    /// per catalog that carries an ACL: relations, columns, functions, schemas and types.
    /// Identity sequences are part of their column (nothing needs rights on them), so their
    /// grants are left out with them.
    ///
    /// An extension's members are the extension's, but a change a user made to their
    /// privileges is the user's (pg_dump dumps it too): for each member relation or function
    /// whose ACL differs from the one it was created with — `pg_init_privs`, or where that has
    /// no row the built-in default with the default privileges in force (`ALTER DEFAULT
    /// PRIVILEGES`, as Supabase sets them) — one row per grantee of either ACL with what it
    /// holds now, possibly nothing (`REVOKE ALL ON FUNCTION public.hstore(text, text) FROM
    /// PUBLIC` is a row `PUBLIC`, `[]`).
    var privileges: String {
        """
        SELECT * FROM (
        SELECT object_type, schema_name AS schema, object_name AS name, column_name AS "column",
          CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
          pg_catalog.string_agg(x.privilege_type, chr(31) ORDER BY x.privilege_type) AS privileges,
          COALESCE(pg_catalog.string_agg(x.privilege_type, chr(31) ORDER BY x.privilege_type) FILTER (WHERE x.is_grantable), '')
            AS grantable, NULL::pg_catalog.bool AS extension_member
        FROM (
          SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                   WHEN 'f' THEN 'foreign table' ELSE 'table' END AS object_type,
                 n.nspname AS schema_name, c.relname::pg_catalog.text AS object_name, '' AS column_name, c.relowner AS owner,
                 COALESCE(c.relacl, pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner)) AS acl
          FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND \(userSchema) AND \(captured("pg_class", "c.oid"))
            -- an identity sequence (a partitioned table's key columns are internal dependencies too)
            AND (c.relkind <> 'S' OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'i'))
          UNION ALL
          SELECT 'column', n.nspname, c.relname, a.attname, c.relowner, a.attacl
          FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND \(userSchema)
            AND \(captured("pg_class", "c.oid"))
          UNION ALL
          SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
                 pg_catalog.quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', '',
                 p.proowner, COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
          WHERE \(userSchema) AND \(captured("pg_proc", "p.oid")) AND \(notImplicitFunction)
          UNION ALL
          SELECT 'schema', n.nspname, '', '', n.nspowner, COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner))
          FROM pg_catalog.pg_namespace n
          WHERE \(userSchema) AND \(notFromExtension("pg_namespace", "n.oid"))
          UNION ALL
          SELECT 'foreign data wrapper', '', w.fdwname, '', w.fdwowner, COALESCE(w.fdwacl, pg_catalog.acldefault('F', w.fdwowner))
          FROM pg_catalog.pg_foreign_data_wrapper w WHERE \(notFromExtension("pg_foreign_data_wrapper", "w.oid"))
          UNION ALL
          SELECT 'foreign server', '', s.srvname, '', s.srvowner, COALESCE(s.srvacl, pg_catalog.acldefault('S', s.srvowner))
          FROM pg_catalog.pg_foreign_server s WHERE \(notFromExtension("pg_foreign_server", "s.oid"))
          UNION ALL
          SELECT 'type', n.nspname, t.typname, '', t.typowner, COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner))
          FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
          LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
          WHERE t.typtype IN ('e', 'd', 'c', 'r') AND (t.typtype <> 'c' OR tc.relkind = 'c')
            AND \(userSchema) AND \(captured("pg_type", "t.oid"))
        ) o, LATERAL pg_catalog.aclexplode(o.acl) x
        WHERE x.grantee <> o.owner
        GROUP BY 1, 2, 3, 4, 5
        UNION ALL
        SELECT object_type, schema_name, object_name, '',
          CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END,
          COALESCE(pg_catalog.string_agg(x.privilege_type, chr(31) ORDER BY x.privilege_type) FILTER (WHERE x.held), ''),
          COALESCE(pg_catalog.string_agg(x.privilege_type, chr(31) ORDER BY x.privilege_type)
            FILTER (WHERE x.held AND x.is_grantable), ''), true
        FROM (
          SELECT object_type, schema_name, object_name, owner, acl,
            COALESCE(initprivs, ARRAY(
              SELECT pg_catalog.unnest(COALESCE(
                (SELECT defaclacl FROM pg_catalog.pg_default_acl WHERE defaclrole = owner AND defaclnamespace = 0
                   AND defaclobjtype = acl_type),
                pg_catalog.acldefault(acl_type, owner)))
              UNION
              SELECT pg_catalog.unnest(defaclacl) FROM pg_catalog.pg_default_acl WHERE defaclrole = owner
                AND defaclnamespace = namespace AND defaclobjtype = acl_type)) AS initial_acl
          FROM (
            SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                     WHEN 'f' THEN 'foreign table' ELSE 'table' END AS object_type,
                   n.nspname AS schema_name, c.relname::pg_catalog.text AS object_name, c.relowner AS owner, c.relnamespace AS namespace,
                   CASE WHEN c.relkind = 'S' THEN 'S'::"char" ELSE 'r'::"char" END AS acl_type,
                   COALESCE(c.relacl, pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner)) AS acl,
                   ip.initprivs
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_init_privs ip ON ip.objoid = c.oid AND ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND ip.objsubid = 0
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND \(userSchema) AND \(fromExtension("pg_class", "c.oid"))
            UNION ALL
            SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
                   pg_catalog.quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
                   p.proowner, p.pronamespace, 'f'::"char", COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)),
                   ip.initprivs
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            LEFT JOIN pg_catalog.pg_init_privs ip ON ip.objoid = p.oid AND ip.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
              AND ip.objsubid = 0
            WHERE \(userSchema) AND \(fromExtension("pg_proc", "p.oid"))
          ) member
        ) m, LATERAL (
          SELECT e.grantee, e.privilege_type, e.is_grantable, true AS held FROM pg_catalog.aclexplode(m.acl) e
          UNION ALL
          SELECT i.grantee, NULL, false, false FROM pg_catalog.aclexplode(m.initial_acl) i
        ) x
        WHERE ARRAY(SELECT pg_catalog.unnest(m.acl)::pg_catalog.text ORDER BY 1)
            IS DISTINCT FROM ARRAY(SELECT pg_catalog.unnest(m.initial_acl)::pg_catalog.text ORDER BY 1)
          AND x.grantee <> m.owner
        GROUP BY 1, 2, 3, 4, 5
        ) privileges
        ORDER BY object_type COLLATE "C", schema COLLATE "C", name COLLATE "C", "column" COLLATE "C", grantee COLLATE "C"
        """
    }

    /// `ALTER DEFAULT PRIVILEGES` entries; a zero namespace means all schemas.
    let defaultPrivileges = """
        SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS role, COALESCE(n.nspname, '') AS schema,
          CASE d.defaclobjtype WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function'
            WHEN 'T' THEN 'type' ELSE 'schema' END AS object_type,
          CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
          x.privilege_type AS privilege, x.is_grantable AS grantable
        FROM pg_catalog.pg_default_acl d LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace,
        LATERAL pg_catalog.aclexplode(d.defaclacl) x
        """

    /// Publications, the operations they publish and the schemas they publish whole.
    let publications = """
        SELECT p.pubname AS name, p.puballtables AS all_tables,
          pg_catalog.concat_ws(chr(31), CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
            CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END) AS operations,
          p.pubviaroot AS via_root, pg_catalog.pg_get_userbyid(p.pubowner) AS owner,
          (SELECT pg_catalog.string_agg(n.nspname, chr(31) ORDER BY n.nspname) FROM pg_catalog.pg_publication_namespace pn
           JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid WHERE pn.pnpubid = p.oid) AS schemas
        FROM pg_catalog.pg_publication p
        """

    /// Tables listed explicitly in publications, with any row filter.
    let publicationTables = """
        SELECT p.pubname AS publication, n.nspname AS schema, c.relname AS "table",
          pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) AS row_filter
        FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
        JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE pg_catalog.pg_table_is_visible(c.oid) IS NOT NULL
        """

    /// Event triggers not owned by an extension.
    var eventTriggers: String {
        """
        SELECT e.evtname AS name, e.evtevent AS event,
          (SELECT pg_catalog.string_agg(tag, chr(31) ORDER BY tag) FROM pg_catalog.unnest(e.evttags) tag) AS tags,
          e.evtfoid::pg_catalog.regproc::pg_catalog.text AS function,
          CASE e.evtenabled WHEN 'O' THEN 'origin' WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' ELSE 'always' END AS enabled,
          pg_catalog.pg_get_userbyid(e.evtowner) AS owner, d.description AS comment
        FROM pg_catalog.pg_event_trigger e
        \(comment("d", "pg_event_trigger", "e.oid"))
        WHERE \(notFromExtension("pg_event_trigger", "e.oid"))
        """
    }

    /// Foreign-data wrappers not created by an extension.
    var foreignDataWrappers: String {
        """
        SELECT w.fdwname AS name, NULLIF(w.fdwhandler, 0)::pg_catalog.regproc::pg_catalog.text AS handler,
          NULLIF(w.fdwvalidator, 0)::pg_catalog.regproc::pg_catalog.text AS validator,
          (SELECT pg_catalog.string_agg(o, chr(31) ORDER BY o) FROM pg_catalog.unnest(w.fdwoptions) o) AS options,
          pg_catalog.pg_get_userbyid(w.fdwowner) AS owner, d.description AS comment
        FROM pg_catalog.pg_foreign_data_wrapper w
        \(comment("d", "pg_foreign_data_wrapper", "w.oid"))
        WHERE \(notFromExtension("pg_foreign_data_wrapper", "w.oid"))
        """
    }

    /// Foreign servers with their wrapper.
    var foreignServers: String {
        """
        SELECT s.srvname AS name, w.fdwname AS wrapper, s.srvtype AS server_type, s.srvversion AS server_version,
          (SELECT pg_catalog.string_agg(o, chr(31) ORDER BY o) FROM pg_catalog.unnest(s.srvoptions) o) AS options,
          pg_catalog.pg_get_userbyid(s.srvowner) AS owner, d.description AS comment
        FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
        \(comment("d", "pg_foreign_server", "s.oid"))
        WHERE \(notFromExtension("pg_foreign_server", "s.oid"))
        """
    }

    /// User mappings of those servers, through `pg_user_mappings` (options are NULL there
    /// for a login that may not see them). Secret option values are blanked after reading
    /// (`UserMapping.isSecret`).
    var userMappings: String {
        """
        SELECT m.srvname AS server, CASE WHEN m.umuser = 0 THEN 'PUBLIC' ELSE m.usename END AS user_name,
          (SELECT pg_catalog.string_agg(o, chr(31) ORDER BY o) FROM pg_catalog.unnest(m.umoptions) o) AS options
        FROM pg_catalog.pg_user_mappings m
        WHERE \(notFromExtension("pg_foreign_server", "m.srvid"))
        """
    }

    /// Roles from pg_roles (readable without privileges; its password column is always
    /// masked and not selected anyway), with memberships; built-in `pg_*` roles left out.
    let roles = """
        SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolinherit AS inherit, r.rolcreaterole AS create_role,
          r.rolcreatedb AS create_db, r.rolcanlogin AS login, r.rolreplication AS replication, r.rolbypassrls AS bypass_rls,
          r.rolconnlimit AS connection_limit,
          (SELECT pg_catalog.string_agg(g.rolname, chr(31) ORDER BY g.rolname) FROM pg_catalog.pg_auth_members m
             JOIN pg_catalog.pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) AS member_of
        FROM pg_catalog.pg_roles r WHERE r.rolname !~ '^pg_'
        """

    /// Which of the columns `supabase_migrations.schema_migrations` has, found through the
    /// catalog (`to_regclass` would need USAGE on the schema).
    let migrationColumns = """
        SELECT a.attname FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'supabase_migrations' AND c.relname = 'schema_migrations'
          AND a.attname IN ('version', 'name', 'statements') AND NOT a.attisdropped
        """

    /// Whether this login may read the migrations table (capture needs no other privilege).
    let canReadMigrations = """
        SELECT pg_catalog.has_schema_privilege(n.oid, 'USAGE') AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'supabase_migrations' AND c.relname = 'schema_migrations'
        """

    /// Applied migrations, selecting only the columns that exist (hosted projects add more).
    /// The statements come as a JSON array and are hashed client-side (see `AppliedMigration`).
    func appliedMigrations(hasName: Bool, hasStatements: Bool) -> String {
        let name = hasName ? "name::pg_catalog.text" : "NULL"
        let statements = hasStatements ? "pg_catalog.to_json(statements)::pg_catalog.text" : "NULL"
        return "SELECT version::pg_catalog.text, \(name), \(statements) FROM supabase_migrations.schema_migrations"
    }

    /// Counts of objects in user schemas of kinds schemasnap does not model.
    var uncovered: String {
        """
        SELECT 'operators', pg_catalog.count(*) FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
          WHERE \(userSchema) AND \(notFromExtension("pg_operator", "o.oid"))
        UNION ALL SELECT 'casts', pg_catalog.count(*) FROM pg_catalog.pg_cast c WHERE c.oid >= 16384 AND \(notFromExtension("pg_cast", "c.oid"))
        UNION ALL SELECT 'operator classes', pg_catalog.count(*) FROM pg_catalog.pg_opclass o JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace
          WHERE \(userSchema) AND \(notFromExtension("pg_opclass", "o.oid"))
        UNION ALL SELECT 'text search configurations', pg_catalog.count(*) FROM pg_catalog.pg_ts_config o JOIN pg_catalog.pg_namespace n ON n.oid = o.cfgnamespace
          WHERE \(userSchema) AND \(notFromExtension("pg_ts_config", "o.oid"))
        UNION ALL SELECT 'text search dictionaries', pg_catalog.count(*) FROM pg_catalog.pg_ts_dict o JOIN pg_catalog.pg_namespace n ON n.oid = o.dictnamespace
          WHERE \(userSchema) AND \(notFromExtension("pg_ts_dict", "o.oid"))
        UNION ALL SELECT 'extended statistics', pg_catalog.count(*) FROM pg_catalog.pg_statistic_ext o JOIN pg_catalog.pg_namespace n ON n.oid = o.stxnamespace
          WHERE \(userSchema)
        UNION ALL SELECT 'conversions', pg_catalog.count(*) FROM pg_catalog.pg_conversion o JOIN pg_catalog.pg_namespace n ON n.oid = o.connamespace
          WHERE \(userSchema) AND \(notFromExtension("pg_conversion", "o.oid"))
        """
    }

    /// The captured objects as `pg_depend` names them (catalog, OID, sub-id), each with its
    /// kind and the parts of its path: schema, the table it hangs off or a function's
    /// arguments (`member`), and name. A view's `_RETURN` rule and a table's row type stand for
    /// the relation, a column default for its column, a domain's constraint for the domain, a
    /// composite type's attribute for the type, an array type for its element type. Extension members and system objects are left out.
    private var dependencyEnds: String {
        let relation = "c.relkind IN ('r', 'p', 'v', 'm', 'f')"
        let userType = """
            t.typtype IN ('e', 'd', 'c', 'r') AND (t.typtype <> 'c' OR tc.relkind = 'c') \
            AND \(userSchema) AND \(captured("pg_type", "t.oid"))
            """
        let typeTables = """
            pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
            LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
            """
        return """
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid, 0 AS objsubid,
              CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'relation' END AS kind, c.nspname AS schema,
              '' AS member, c.relname AS name
            FROM rels c WHERE c.relkind <> 'c'
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, a.attrelid, a.attnum,
              CASE WHEN c.relkind = 'c' THEN 'type' ELSE 'column' END, c.nspname,
              CASE WHEN c.relkind = 'c' THEN '' ELSE c.relname END, CASE WHEN c.relkind = 'c' THEN c.relname ELSE a.attname END
            FROM pg_catalog.pg_attribute a JOIN rels c ON c.oid = a.attrelid
            WHERE a.attnum > 0 AND NOT a.attisdropped AND (\(relation) OR c.relkind = 'c')
            UNION ALL
            SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid, 0, 'column', c.nspname, c.relname, a.attname
            FROM pg_catalog.pg_attrdef ad JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
            JOIN rels c ON c.oid = ad.adrelid
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, i.indexrelid, 0, 'index', c.nspname, c.relname, ic.relname
            FROM pg_catalog.pg_index i JOIN rels c ON c.oid = i.indrelid JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            UNION ALL
            SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid, 0, 'constraint', c.nspname, c.relname, k.conname
            FROM pg_catalog.pg_constraint k JOIN rels c ON c.oid = k.conrelid
            WHERE k.contype IN ('p', 'f', 'u', 'c', 'x') AND k.conparentid = 0
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, c.reltype, 0, 'relation', c.nspname, '', c.relname
            FROM rels c WHERE \(relation)
            UNION ALL
            SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid, 0, 'policy', c.nspname, c.relname, p.polname
            FROM pg_catalog.pg_policy p JOIN rels c ON c.oid = p.polrelid
            UNION ALL
            SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid, 0, 'trigger', c.nspname, c.relname, t.tgname
            FROM pg_catalog.pg_trigger t JOIN rels c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND t.tgparentid = 0
            UNION ALL
            SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid, 0,
              CASE WHEN r.rulename = '_RETURN' THEN 'relation' ELSE 'rule' END, c.nspname,
              CASE WHEN r.rulename = '_RETURN' THEN '' ELSE c.relname END,
              CASE WHEN r.rulename = '_RETURN' THEN c.relname ELSE r.rulename END
            FROM pg_catalog.pg_rewrite r JOIN rels c ON c.oid = r.ev_class
            UNION ALL
            SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid, 0, 'type', n.nspname, '', t.typname
            FROM pg_catalog.pg_constraint k JOIN \(typeTables) ON t.oid = k.contypid
            WHERE k.contypid <> 0 AND \(userType)
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 0, 'type', n.nspname, '', t.typname
            FROM \(typeTables) WHERE \(userType)
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, arr.oid, 0, 'type', n.nspname, '', t.typname
            FROM pg_catalog.pg_type arr JOIN \(typeTables) ON t.oid = arr.typelem AND t.typarray = arr.oid
            WHERE arr.oid >= 16384 AND \(userType)
            UNION ALL
            SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 0, 'function', n.nspname,
              pg_catalog.pg_get_function_identity_arguments(p.oid), p.proname
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE \(userSchema) AND \(captured("pg_proc", "p.oid")) AND \(notImplicitFunction)
            UNION ALL
            SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, c.oid, 0, 'collation', n.nspname, '', c.collname
            FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
            WHERE c.oid >= 16384 AND \(userSchema) AND \(notFromExtension("pg_collation", "c.oid"))
            UNION ALL
            SELECT 'pg_catalog.pg_extension'::pg_catalog.regclass, e.oid, 0, 'extension', '', '', e.extname
            FROM pg_catalog.pg_extension e WHERE e.extname <> 'plpgsql'
            """
    }

    /// The user's relations (and composite types' relations) that still exist, read once for
    /// `dependencyEnds`: their OID, kind, row type, schema and name.
    private var dependencyRelations: String {
        """
        SELECT c.oid, c.relkind, c.reltype, c.relname, n.nspname
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND \(userSchema) AND \(captured("pg_class", "c.oid"))
        """
    }

    /// The captured objects `pg_depend` can name (see `dependencyEnds`), one row each:
    /// catalog, OID, sub-id, kind, schema, member, name.
    var dependencyEndpoints: String {
        """
        WITH rels AS MATERIALIZED (\(dependencyRelations))
        SELECT e.classid::pg_catalog.oid, e.objid, e.objsubid, e.kind, e.schema, e.member, e.name
        FROM (\(dependencyEnds)) e
        """
    }

    /// The `pg_depend` entries that can join two captured objects: normal and automatic
    /// dependencies and a partition's index on its parent's, between user objects. The capture
    /// joins them to `dependencyEndpoints` itself: a join the server plans from catalog
    /// statistics can go quadratic on a catalog not analyzed since a large migration.
    let dependencyEntries = """
        SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid, d.deptype
        FROM pg_catalog.pg_depend d
        WHERE d.deptype IN ('n', 'a', 'P') AND d.objid >= 16384 AND d.refobjid >= 16384
        """

    /// Every query a capture runs, in order (the applied-migrations query with all optional
    /// columns): what a benchmark runs through psql to measure the floor of a capture.
    var all: [String] {
        [
            schemas, extensions, collations, types, sequences, relations, columns, constraints, indexes, policies,
            functions, triggers, rules, privileges, defaultPrivileges, publications, publicationTables, eventTriggers,
            foreignDataWrappers, foreignServers, userMappings, roles, migrationColumns, canReadMigrations,
            PlatformTable.columnsQuery, uncovered,
            dependencyEndpoints, dependencyEntries,
        ]
    }
}

import CatalogModel

/// Where platform configuration lives and how each kind's fields are read from it, across the
/// versions of pg_cron, Storage, Vault and pg_partman: columns are chosen by name from the ones
/// the installed version has, as with `schema_migrations`. Only configuration columns are ever
/// selected: never a Vault secret, its ciphertext, key or nonce, never run history or files.
struct PlatformTable: Sendable {
    /// One field's column in the capture query: read by `expression` (over the alias `t`)
    /// when the table has every column in `needs`, else by `otherwise`; a field without
    /// `otherwise` cannot be captured without its columns, and then neither can its kind.
    struct Column: Sendable {
        let field: String
        let needs: [String]
        let expression: String
        let otherwise: String?

        init(_ field: String, needs: [String], _ expression: String, otherwise: String? = nil) {
            self.field = field
            self.needs = needs
            self.expression = expression
            self.otherwise = otherwise
        }

        /// A field read from the column of its own name, as text.
        static func same(_ field: String, otherwise: String? = nil) -> Column {
            Column(field, needs: [field], "t.\(field)::pg_catalog.text", otherwise: otherwise)
        }
    }

    let kind: ObjectKind
    /// SQL for the OID of the table's schema (NULL when absent): an extension's schema, or a
    /// schema of a fixed name.
    let schemaOID: String
    let table: String
    let columns: [Column]
    /// Rows that are not captured as objects (SQL over `t`), with the name they are counted
    /// under as not compared, e.g. secrets without a name.
    let leftOut: (predicate: String, counted: String)?

    /// The capture query for a table that has `present` columns, or the first field that
    /// cannot be read without a missing column.
    func query(schema: String, present: Set<String>) -> Result<String, MissingColumn> {
        var selected: [String] = []
        for column in columns {
            if column.needs.allSatisfy(present.contains) {
                selected.append("\(column.expression) AS \(column.field)")
            } else if let otherwise = column.otherwise {
                selected.append("\(otherwise) AS \(column.field)")
            } else {
                return .failure(MissingColumn(name: column.needs.first { !present.contains($0) } ?? column.field))
            }
        }
        let filter = leftOut.map { " WHERE NOT (\($0.predicate))" } ?? ""
        return .success("SELECT " + selected.joined(separator: ", ") + " FROM \(relation(schema)) t" + filter)
    }

    /// How many rows `leftOut` leaves out.
    func leftOutCount(schema: String) -> String? {
        leftOut.map { "SELECT pg_catalog.count(*) FROM \(relation(schema)) t WHERE \($0.predicate)" }
    }

    /// `schema.table` as the user reads it in a warning.
    func relation(_ schema: String) -> String { qualifiedName(schema, table) }

    struct MissingColumn: Error {
        let name: String
    }

    /// The four kinds of platform configuration.
    static let all: [PlatformTable] = [
        PlatformTable(
            kind: .cronJob, schemaOID: namedSchema("cron", ofExtension: "pg_cron"), table: "job",
            columns: [
                // pg_cron before 1.3 has no job names: a job is known by what it runs and when.
                Column(
                    "name", needs: ["jobname"], "COALESCE(t.jobname::pg_catalog.text, t.schedule || ' ' || t.command)",
                    otherwise: "t.schedule || ' ' || t.command"),
                Column("user_name", needs: ["username"], "t.username::pg_catalog.text"),
                Column("named", needs: ["jobname"], "t.jobname IS NOT NULL", otherwise: "false"),
                .same("schedule"),
                .same("command"),
                .same("database"),
                Column("active", needs: ["active"], "t.active", otherwise: "true"),
            ], leftOut: nil),
        PlatformTable(
            kind: .storageBucket, schemaOID: namedSchema("storage"), table: "buckets",
            columns: [
                .same("id"),
                .same("name"),
                Column("public", needs: ["public"], "t.public", otherwise: "false"),
                .same("file_size_limit", otherwise: "NULL"),
                Column(
                    "allowed_mime_types", needs: ["allowed_mime_types"],
                    "(SELECT pg_catalog.string_agg(m, pg_catalog.chr(31) ORDER BY m COLLATE \"C\") FROM pg_catalog.unnest(t.allowed_mime_types) m)",
                    otherwise: "NULL"),
            ], leftOut: nil),
        PlatformTable(
            kind: .vaultSecret, schemaOID: namedSchema("vault"), table: "secrets",
            columns: [
                .same("name"),
                .same("description", otherwise: "NULL"),
            ], leftOut: ("t.name IS NULL", "unnamed vault secrets")),
        PlatformTable(
            kind: .partitionSet, schemaOID: extensionSchema("pg_partman"), table: "part_config",
            columns: [
                .same("parent_table"),
                .same("control"),
                .same("partition_type"),
                .same("partition_interval"),
                .same("datetime_string", otherwise: "NULL"),
                .same("premake"),
                .same("automatic_maintenance", otherwise: "'on'"),
                .same("retention", otherwise: "NULL"),
                .same("retention_schema", otherwise: "NULL"),
                Column("retention_keep_table", needs: ["retention_keep_table"], "t.retention_keep_table", otherwise: "true"),
                Column("retention_keep_index", needs: ["retention_keep_index"], "t.retention_keep_index", otherwise: "true"),
            ], leftOut: nil),
    ]

    private static func extensionSchema(_ name: String) -> String {
        "(SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname = '\(name)')"
    }

    /// pg_cron's control file puts the extension in `pg_catalog`; its script makes `cron`.
    private static func namedSchema(_ name: String, ofExtension: String? = nil) -> String {
        let installed = ofExtension.map {
            " AND EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE e.extname = '\($0)')"
        }
        return "(SELECT s.oid FROM pg_catalog.pg_namespace s WHERE s.nspname = '\(name)'\(installed ?? ""))"
    }

    /// One row per column of each platform table present: the kind, the table's schema, the
    /// column, whether this login may read the table, and whether row level security limits
    /// what it sees there.
    static var columnsQuery: String {
        let tables = all.map { "('\($0.kind.rawValue)', \($0.schemaOID), '\($0.table)')" }.joined(separator: ", ")
        return """
            SELECT t.kind, n.nspname, a.attname,
              pg_catalog.has_schema_privilege(n.oid, 'USAGE') AND pg_catalog.has_table_privilege(c.oid, 'SELECT') AS readable,
              pg_catalog.row_security_active(c.oid) AS limited
            FROM (VALUES \(tables)) t(kind, namespace, relname)
            JOIN pg_catalog.pg_class c ON c.relnamespace = t.namespace AND c.relname = t.relname
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            """
    }
}

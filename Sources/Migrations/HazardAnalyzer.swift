import CatalogModel
import SQLReader

/// Finds hazards in migration SQL by reading its tokens: comments, strings and function
/// bodies never trigger a rule.
///
/// A table counts as existing (it may hold rows, and locking it blocks traffic) when the
/// snapshot given has it or, without a snapshot, when the script did not create it earlier.
public struct HazardAnalyzer {
    /// Tables known to exist before the script runs, or nil when there is no snapshot.
    public var existingTables: Set<RelationKey>?
    /// Schemas the API exposes: a new table there without RLS is readable by anyone.
    public var exposedSchemas: Set<String>
    /// Tables created by the statements analysed so far (across files of one plan).
    public private(set) var createdTables: Set<RelationKey> = []

    public init(existingTables: Set<RelationKey>? = nil, exposedSchemas: Set<String> = ["public"]) {
        self.existingTables = existingTables
        self.exposedSchemas = exposedSchemas
    }

    /// The hazards of one script, in statement order.
    public mutating func analyze(_ sql: String) -> [Hazard] {
        let statements = StatementSplitter.split(sql)
        var hazards: [Hazard] = []
        var inTransactionBlock = false
        var rlsEnabled = Set<RelationKey>()
        var newExposedTables: [(RelationKey, Statement)] = []
        for statement in statements {
            let reader = TokenReader(statement.tokens)
            func add(_ code: String, _ severity: Severity, _ reason: String) {
                let firstLine = statement.text.split(separator: "\n").first.map(String.init) ?? statement.text
                hazards.append(Hazard(code: code, severity: severity, reason: reason, line: statement.line, statement: firstLine))
            }
            if reader.startsWith("begin") || reader.startsWith("start", "transaction") {
                inTransactionBlock = true
            } else if reader.startsWith("commit") || reader.startsWith("end") || reader.startsWith("rollback") {
                inTransactionBlock = false
            }
            if reader.startsWith("create", "table") || reader.startsWith("create", "unlogged", "table") {
                if let table = reader.name(after: "table") {
                    createdTables.insert(table)
                    if exposedSchemas.contains(table.schema) { newExposedTables.append((table, statement)) }
                }
            }
            if reader.startsWith("drop", "table") {
                add("drop_table", .critical, "drops \(reader.names(after: "table")) and every row in it")
            }
            if reader.startsWith("drop", "schema") {
                add("drop_schema", .critical, "drops the schema and, with CASCADE, everything in it")
            }
            if reader.startsWith("drop", "function") || reader.startsWith("drop", "procedure") {
                add("drop_function", .warning, "callers of the function (the API, triggers, policies) start failing")
            }
            if reader.startsWith("truncate") {
                add("truncate", .critical, "deletes every row of the table")
            }
            if reader.startsWith("delete", "from") && !reader.contains("where") {
                add("delete_without_where", .critical, "DELETE without WHERE deletes every row")
            }
            if reader.startsWith("update") && reader.contains("set") && !reader.contains("where") {
                add("update_without_where", .critical, "UPDATE without WHERE rewrites every row")
            }
            if reader.startsWith("alter", "table"), let table = reader.name(after: "table") {
                let existing = isExisting(table)
                if reader.containsSequence("drop", "column") || reader.dropsColumnWithoutKeyword() {
                    add("drop_column", .critical, "drops a column of \(table) and its data; clients selecting it fail")
                }
                if reader.alterColumnType() {
                    add(
                        "alter_column_type", .warning,
                        "changing a column type rewrites \(table) under an ACCESS EXCLUSIVE lock and fails on values that do not convert"
                    )
                }
                if reader.containsSequence("set", "not", "null") && existing {
                    add(
                        "set_not_null", .warning,
                        "SET NOT NULL scans \(table) under an ACCESS EXCLUSIVE lock and fails if any row is NULL; add a CHECK (…) NOT VALID constraint first"
                    )
                }
                if reader.addsNotNullColumnWithoutDefault() && existing {
                    add(
                        "add_column_not_null", .critical,
                        "adding a NOT NULL column without DEFAULT fails as soon as \(table) has a row")
                }
                if reader.containsSequence("rename") {
                    add("rename", .warning, "renaming breaks every client, view and function that uses the old name")
                }
                if reader.containsSequence("disable", "row", "level", "security") {
                    add("disable_rls", .critical, "disabling row level security exposes every row of \(table) to the API roles")
                }
                if reader.containsSequence("enable", "row", "level", "security") { rlsEnabled.insert(table) }
            }
            if reader.isCreateIndex {
                if reader.contains("concurrently") {
                    if inTransactionBlock {
                        add(
                            "concurrent_index_in_transaction", .critical,
                            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block; move it out of BEGIN … COMMIT")
                    } else {
                        add(
                            "concurrent_index_needs_no_transaction", .info,
                            "CREATE INDEX CONCURRENTLY cannot run in a transaction: apply this migration with --no-transaction")
                    }
                } else if let table = reader.name(after: "on"), isExisting(table) {
                    add(
                        "create_index_blocking", .warning,
                        "CREATE INDEX without CONCURRENTLY blocks writes to \(table) until the index is built")
                }
            }
            if reader.startsWith("drop", "policy") {
                add("drop_policy", .warning, "dropping a policy changes who can read or write the table; check the replacement")
            }
            if reader.startsWith("grant"), let grantee = reader.grantees().first(where: { $0 == "anon" || $0 == "public" }) {
                add(
                    "grant_to_\(grantee)", .warning,
                    grantee == "anon"
                        ? "grants to anon reach anyone with the project's public API key"
                        : "grants to PUBLIC reach every role, anon included")
            }
            if reader.isCreateFunction && reader.containsSequence("security", "definer")
                && !reader.containsSequence("set", "search_path")
            {
                add(
                    "security_definer_search_path", .critical,
                    "a SECURITY DEFINER function without SET search_path can be hijacked through objects a caller creates")
            }
        }
        for (table, statement) in newExposedTables where !rlsEnabled.contains(table) {
            let firstLine = statement.text.split(separator: "\n").first.map(String.init) ?? statement.text
            hazards.append(
                Hazard(
                    code: "table_without_rls", severity: .critical,
                    reason:
                        "\(table) is in an exposed schema and has no ENABLE ROW LEVEL SECURITY: the API can read and write every row",
                    line: statement.line, statement: firstLine))
        }
        return hazards.sorted { $0.line < $1.line }
    }

    private func isExisting(_ table: RelationKey) -> Bool {
        if createdTables.contains(table) { return false }
        return existingTables?.contains(table) ?? true
    }
}

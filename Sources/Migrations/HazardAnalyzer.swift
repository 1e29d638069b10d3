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

    /// The hazards of one script, in statement order: every rule of `HazardRules.all` on each
    /// statement, then each rule on the whole script.
    public mutating func analyze(_ sql: String) -> [Hazard] {
        var hazards: [Hazard] = []
        var inTransactionBlock = false
        var rlsEnabled = Set<RelationKey>()
        var newExposedTables: [(RelationKey, Statement)] = []
        func add(_ rule: any HazardRule.Type, _ reason: String, _ statement: Statement) {
            let firstLine = statement.text.split(separator: "\n").first.map(String.init) ?? statement.text
            hazards.append(
                Hazard(code: rule.code, severity: rule.severity, reason: reason, line: statement.line, statement: firstLine))
        }
        for statement in StatementSplitter.split(sql) {
            let reader = TokenReader(statement.tokens)
            if reader.startsWith("begin") || reader.startsWith("start", "transaction") {
                inTransactionBlock = true
            } else if reader.startsWith("commit") || reader.startsWith("end") || reader.startsWith("rollback") {
                inTransactionBlock = false
            }
            if reader.startsWith("create", "table") || reader.startsWith("create", "unlogged", "table"),
                let table = reader.name(after: "table")
            {
                createdTables.insert(table)
                if exposedSchemas.contains(table.schema) { newExposedTables.append((table, statement)) }
            }
            let created = createdTables
            let context = HazardStatement(
                reader: reader, inTransactionBlock: inTransactionBlock,
                existing: { [existingTables] table in
                    !created.contains(table) && (existingTables?.contains(table) ?? true)
                })
            for rule in HazardRules.all {
                if let reason = rule.reason(context) { add(rule, reason, statement) }
            }
            if reader.startsWith("alter", "table"), let table = reader.name(after: "table"),
                reader.containsSequence("enable", "row", "level", "security")
            {
                rlsEnabled.insert(table)
            }
        }
        let script = HazardScript(newExposedTables: newExposedTables, rlsEnabled: rlsEnabled)
        for rule in HazardRules.all {
            for (reason, statement) in rule.finish(script) { add(rule, reason, statement) }
        }
        return hazards.sorted { $0.line < $1.line }
    }
}

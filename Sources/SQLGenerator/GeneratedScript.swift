/// Where a statement goes in the script. Drops that free names or dependencies come first,
/// then everything is created or altered in dependency order, and objects that go away
/// entirely are dropped last, once nothing refers to them any more. Platform configuration
/// (cron jobs, buckets, secrets, partition sets) is set once the schema is in place, and
/// removed before what it refers to is dropped.
public enum Phase: Int, Comparable, Sendable, CaseIterable {
    case dropPolicies, dropTriggers, dropRules, dropPublicationTables, dropViews, dropForeignKeys, dropConstraints
    case dropRecreatedTables, dropRecreatedServers
    case dropIndexes, dropDefaults, replaceFunctions
    case createSchemas, createExtensions, alterExtensions, createCollations, createTypes, alterTypes, commitEnumLabels,
        createSequences
    case alterSequences
    case createFunctions, createForeignData, createTables, alterColumns, sequenceOwnership, createLateFunctions
    case keyConstraints, constraints, foreignKeys, indexes, views, triggers, rules, rowLevelSecurity, policies
    case revokePrivileges, privileges, defaultPrivileges, publications, publicationTables, comments, owners, platformConfiguration
    case dropPlatformConfiguration, dropColumns, dropRelations, dropForeignData, dropFunctions, dropSequences, dropTypes,
        dropCollations, dropPublications
    case dropExtensions, dropSchemas, endTransaction

    public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
}

/// Why a statement is held back: it can lose data, so it is written commented out unless
/// `--unsafe` is given.
public struct Hold: Hashable, Sendable {
    /// The hazard code, as `schemasnap lint` names it: `drop_table`, `drop_column`…
    public var code: String
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }
}

/// One generated statement.
public struct GeneratedStatement: Hashable, Sendable {
    public var phase: Phase
    /// The statement, ending in `;`.
    public var sql: String
    /// Set when the statement can lose data.
    public var hold: Hold?
    /// False for statements PostgreSQL refuses inside a transaction block.
    public var transactional: Bool
    /// The objects the statement brings into being and the ones it removes, as dependency
    /// graph nodes (`ScriptBuilder.node`): what orders it among the others.
    var creates: [String] = []
    var drops: [String] = []

    public init(_ phase: Phase, _ sql: String, hold: Hold? = nil, transactional: Bool = true) {
        self.phase = phase
        self.sql = sql
        self.hold = hold
        self.transactional = transactional
    }
}

/// The DDL that turns one schema into another, in execution order, with what was held back
/// and what could not be expressed.
public struct GeneratedScript: Hashable, Sendable {
    public var statements: [GeneratedStatement]
    /// Differences no statement closes, each with what to do instead.
    public var notes: [String]
    /// Values the script writes in place of what no snapshot holds (a user mapping's
    /// password), each with what to do before running it.
    public var placeholders: [String]
    /// Whether held-back statements are written as executable statements.
    public var unsafe: Bool
    /// Whether the script commits after adding enum labels a later statement uses.
    public var commitsAfterEnumLabels: Bool

    public init(
        statements: [GeneratedStatement], notes: [String], placeholders: [String] = [], unsafe: Bool,
        commitsAfterEnumLabels: Bool = false
    ) {
        self.statements = statements
        self.notes = notes
        self.placeholders = placeholders
        self.unsafe = unsafe
        self.commitsAfterEnumLabels = commitsAfterEnumLabels
    }

    /// Statements written commented out.
    public var heldBack: [GeneratedStatement] { unsafe ? [] : statements.filter { $0.hold != nil } }
    /// Statements that run.
    public var executable: [GeneratedStatement] { unsafe ? statements : statements.filter { $0.hold == nil } }
    /// False when a statement (e.g. `CREATE INDEX CONCURRENTLY`) cannot run in a transaction.
    public var runsInOneTransaction: Bool { executable.allSatisfy(\.transactional) }

    /// The script as SQL text. `title` lines open the header (what is turned into what).
    public func render(title: [String]) -> String {
        var lines = title.map { "-- " + $0 }
        if statements.isEmpty && notes.isEmpty {
            lines.append("-- The two schemas are the same: there is nothing to do.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("-- \(count(executable.count, "statement")) to run.")
        if !heldBack.isEmpty {
            let n = heldBack.count
            lines.append(
                "-- \(count(n, "statement")) held back: \(n == 1 ? "it" : "they") can lose data, so \(n == 1 ? "it is" : "they are") "
                    + "written commented out below. Re-run with --unsafe to include \(n == 1 ? "it" : "them").")
        }
        if !runsInOneTransaction {
            lines.append(
                "-- CREATE INDEX CONCURRENTLY cannot run in a transaction: apply with `schemasnap apply --no-transaction`.")
        }
        if commitsAfterEnumLabels {
            lines.append(
                "-- New enum labels cannot be used in the transaction that adds them: the script COMMITs after "
                    + "ALTER TYPE … ADD VALUE and goes on in a new transaction (apply it with psql, or `schemasnap apply --no-transaction`)."
            )
        }
        for placeholder in placeholders { lines.append("-- Placeholder: " + placeholder) }
        for note in notes { lines.append("-- Not generated: " + note) }
        lines.append("-- Review before applying: names that were renamed show up as one drop and one create.")
        if !executable.isEmpty || !heldBack.isEmpty {
            lines.append("")
            lines.append("SET check_function_bodies = false;")
        }
        for statement in statements {
            lines.append("")
            if let hold = statement.hold, !unsafe {
                lines.append("-- HELD BACK (\(hold.code)): \(hold.reason)")
                lines += statement.sql.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }
            } else {
                if let hold = statement.hold { lines.append("-- \(hold.code): \(hold.reason)") }
                lines.append(statement.sql)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

import CatalogModel
import SQLReader

/// One migration hazard rule: its code, severity, what it catches, and examples — scripts that
/// must raise it and near misses that must not, which `HazardRuleTests` runs. Each rule is a
/// type of its own in `Sources/Migrations/HazardRules/`, listed once in `HazardRules.all`;
/// the hazard table of docs/MIGRATION_GUIDE.md is checked against them.
public protocol HazardRule: Sendable {
    /// A stable name, e.g. `drop_table`, as `lint` reports it and `--fail-on` filters it.
    static var code: String { get }
    static var severity: Severity { get }
    /// What it catches, one line, as the docs table says it.
    static var summary: String { get }
    static var examples: HazardExamples { get }
    /// Why `statement` is hazardous, one line; nil when this rule does not apply to it.
    static func reason(_ statement: HazardStatement) -> String?
    /// Hazards found once the whole script is read (what a script leaves out), each with the
    /// statement it is about. Most rules have none.
    static func finish(_ script: HazardScript) -> [(reason: String, statement: Statement)]
}

extension HazardRule {
    /// No findings at the end of a script: what most rules do.
    public static func finish(_ script: HazardScript) -> [(reason: String, statement: Statement)] { [] }

    /// Where the rule is documented: its row of the hazard table.
    public static var documentation: String { "docs/MIGRATION_GUIDE.md#" + code }
}

/// Scripts that must raise a rule and near misses that must not. Each is analysed on its own,
/// with no snapshot: a table counts as existing unless the script creates it.
public struct HazardExamples: Sendable {
    public var triggering: [String]
    public var nonTriggering: [String]

    public init(triggering: [String], nonTriggering: [String]) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// One statement as a rule sees it: its tokens, and what the analysis knows at that point.
public struct HazardStatement {
    let reader: TokenReader
    /// Whether the statement runs inside `BEGIN … COMMIT`.
    let inTransactionBlock: Bool
    let existing: (RelationKey) -> Bool

    /// Whether `table` exists before the statement runs (it may hold rows; locking it blocks
    /// traffic).
    func isExisting(_ table: RelationKey) -> Bool { existing(table) }

    /// For a GRANT: `anon` or `public`, whichever of the two it names first; nil for neither.
    var firstExposedGrantee: String? {
        guard reader.startsWith("grant") else { return nil }
        return reader.grantees().first { $0 == "anon" || $0 == "public" }
    }
}

/// What a whole script did, for rules that judge it once it is read.
public struct HazardScript {
    /// Tables created in an exposed schema, with the statement that created each.
    let newExposedTables: [(RelationKey, Statement)]
    /// Tables the script enables row level security on.
    let rlsEnabled: Set<RelationKey>
}

/// Every hazard rule, in the order a statement is checked against them.
public enum HazardRules {
    public static let all: [any HazardRule.Type] = [
        DropTable.self, DropSchema.self, DropFunction.self, Truncate.self, DeleteWithoutWhere.self,
        UpdateWithoutWhere.self, DropColumn.self, AlterColumnType.self, SetNotNull.self, AddColumnNotNull.self,
        Rename.self, DisableRLS.self, ConcurrentIndexInTransaction.self, ConcurrentIndexNeedsNoTransaction.self,
        CreateIndexBlocking.self, DropPolicy.self, GrantToAnon.self, GrantToPublic.self,
        SecurityDefinerSearchPath.self, AddForeignKeyValidating.self, TableWithoutRLS.self,
    ]
}

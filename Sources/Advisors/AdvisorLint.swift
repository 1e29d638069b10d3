import CatalogModel

/// One advisor lint, named as Supabase's database linter names it: its level, category, the
/// example and fix docs/advisors.md shows, and examples — schemas that must raise it and near
/// misses that must not, which `AdvisorLintTests` builds on real PostgreSQL. Each lint is a
/// type of its own in `Sources/Advisors/Lints/`, listed once in `Advisor.lints`.
public protocol AdvisorLint: Sendable {
    /// e.g. `rls_disabled_in_public`.
    static var name: String { get }
    static var level: AdvisorFinding.Level { get }
    static var category: AdvisorFinding.Category { get }
    /// The docs table's "example that triggers it" and "fix" cells.
    static var documentedExample: String { get }
    static var documentedFix: String { get }
    static var examples: LintExamples { get }
    /// Appends its findings on the catalog `facts` indexes.
    static func check(_ facts: Facts, into findings: inout [AdvisorFinding])
}

extension AdvisorLint {
    /// A finding of this lint on `object`.
    static func finding(_ object: String, detail: String, remediation: String) -> AdvisorFinding {
        AdvisorFinding(lint: name, level: level, category: category, object: object, detail: detail, remediation: remediation)
    }

    /// A finding for each relation of `kind` in an exposed schema the API roles may select
    /// from, for kinds that have no row level security: whatever the API may select, it sees
    /// all of.
    static func selectableWithoutRLS(_ kind: String, _ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.relationKind == kind {
            guard facts.isExposed(relation), facts.apiCanSelect(relation) else { continue }
            let path = relation.path
            findings.append(
                finding(
                    path, detail: "\(kind) \(path) is selectable through the API, and \(kind)s have no row level security",
                    remediation: "revoke select on \(path) from anon, authenticated; or move it out of \(relation.schema)"))
        }
    }

    /// Where the lint is documented: its row of the lint table.
    public static var documentation: String { "docs/advisors.md#" + name }
}

/// Schemas that must raise a lint and near misses that must not, each SQL run on a database
/// of its own.
public struct LintExamples: Sendable {
    /// The database an example runs on: the Supabase platform stand-in, or one where pg_cron
    /// runs (`CREATE EXTENSION pg_cron` is the example's to write).
    public enum Database: Sendable { case platform, cron }

    public var triggering: [String]
    public var nonTriggering: [String]
    public var database: Database

    public init(triggering: [String], nonTriggering: [String], database: Database = .platform) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.database = database
    }
}

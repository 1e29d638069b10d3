/// A step `apply`, `rollback` and `verify` report while they run. The workflows emit them as
/// they happen — a guard shows before a long migration starts — and each renders here, like
/// every report.
public enum WriterProgress: Report {
    public enum VerifyOutcome: Sendable {
        case doesNotApply, notReversible, upFailsAfterDown, roundTrips, differs
    }

    case environment(name: String, protected: Bool)
    case migration(path: String)
    case reapplying(version: String)
    case notYetApplied(overridden: Bool)
    case dryRun(noTransaction: Bool, sql: String)
    case statementByStatement
    case applied(migration: String, environment: String)
    case captured(environment: String, path: String, fingerprint: String)
    case rollingBack(environment: String, migrations: [String])
    case rollbackDryRun(downs: [(migration: String, sql: String)])
    case rolledBack(count: Int, environment: String)
    case forcedOnProtected
    case backupFresh(path: String)
    case planMatches(fingerprint: String)
    case shadowReset(objects: Int)
    case setupRan(path: String)
    case verified(migration: String, outcome: VerifyOutcome)

    public static let formats: [ReportFormat] = [.text]

    public func render(_ format: ReportFormat, style: TextStyle) -> String { text + "\n" }

    private var text: String {
        switch self {
        case .environment(let name, let protected): "environment: \(name)\(protected ? " (protected)" : "")"
        case .migration(let path): "migration:   \(Terminal.displayPath(path))"
        case .reapplying(let version): "warning: \(version) is already applied; --force runs it again"
        case .notYetApplied(let overridden): "guard: not yet applied \(overridden ? "(overridden by --force)" : "✓")"
        case .dryRun(let noTransaction, let sql):
            "mode: \(noTransaction ? "statement by statement (--no-transaction)" : "one transaction")\n"
                + "dry run: nothing was changed. The SQL that would run:\n\n" + sql
        case .statementByStatement:
            "running statement by statement (--no-transaction): a failure leaves earlier statements applied"
        case .applied(let migration, let environment): "applied \(migration) to \(environment)"
        case .captured(let environment, let path, let fingerprint):
            "captured \(environment) → \(Terminal.displayPath(path)) (fingerprint \(fingerprint))"
        case .rollingBack(let environment, let migrations):
            "environment: \(environment); rolling back, newest first: \(migrations.joined(separator: ", "))"
        case .rollbackDryRun(let downs):
            downs.map { "\n-- DOWN of \($0.migration)\n\($0.sql)" }.joined(separator: "\n") + "\n\ndry run: nothing was changed"
        case .rolledBack(let count, let environment):
            "rolled back \(count) migration\(count == 1 ? "" : "s") in \(environment)"
        case .forcedOnProtected: "guard: --force given for a protected environment ✓"
        case .backupFresh(let path): "guard: backup \(Terminal.displayPath(path)) is fresh and looks like pg_dump output ✓"
        case .planMatches(let fingerprint): "guard: live schema matches the plan's snapshot (fingerprint \(fingerprint)) ✓"
        case .shadowReset(let objects): "reset: dropped \(objects) objects from the shadow database"
        case .setupRan(let path): "setup: ran \(Terminal.displayPath(path))"
        case .verified(let migration, let outcome):
            switch outcome {
            case .doesNotApply: "✗ \(migration): does not apply"
            case .notReversible: "- \(migration): applies; no DOWN section, so not reversible"
            case .upFailsAfterDown: "✗ \(migration): UP fails after DOWN"
            case .roundTrips: "✓ \(migration): UP, DOWN, UP round-trips exactly"
            case .differs: "✗ \(migration): UP, DOWN, UP differs"
            }
        }
    }
}

/// What `verify` found: how many migrations applied, each problem with the differences behind
/// it, those without a DOWN section, and where the intended snapshot went.
public struct VerifySummary: Report {
    /// A migration that did not pass.
    public struct Problem: Sendable {
        public var migration: String
        public var message: String
        public var differences: [String]

        public init(migration: String, message: String, differences: [String]) {
            self.migration = migration
            self.message = message
            self.differences = differences
        }
    }

    public static let formats: [ReportFormat] = [.text]
    public var checked = 0
    public var problems: [Problem] = []
    /// Migrations without a DOWN section: applied, not reversible, so not checked.
    public var withoutDown: [String] = []
    /// The snapshot of the schema the folder builds.
    public var intendedPath: String?

    public init() {}

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        var out = ""
        for problem in problems {
            out += "\nproblem: \(problem.migration): \(problem.message)\n"
            for line in problem.differences { out += "  \(line)\n" }
        }
        if let path = intendedPath { out += "\nintended snapshot → \(Terminal.displayPath(path))\n" }
        out +=
            "\(checked) migrations applied, \(problems.count) problem\(problems.count == 1 ? "" : "s")"
            + (withoutDown.isEmpty ? "" : ", \(withoutDown.count) without DOWN section") + "\n"
        return out
    }
}

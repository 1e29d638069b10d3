import ArgumentParser
import Reports
import SchemasnapKit

extension ReportFormat: ExpressibleByArgument {}
extension FailLevel: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report the drift between two snapshots, offline.",
        discussion: """
            SOURCE is the reference (say staging), TARGET the one under review (say production). \
            Each is an environment (its newest snapshot), ENV@TIME (its newest snapshot at or \
            before TIME: 2026-11-20, 2026-11-20T02:00Z or 20261120T020000Z) or a snapshot file.

            Exit codes: 0 no drift at or above --fail-on, 1 drift at or above it, 2 trouble.

            Examples:
              schemasnap diff staging production
              schemasnap diff staging production --format markdown > drift.md
              schemasnap diff production@2026-11-26 production --fail-on warning
              schemasnap diff snapshots/dev/20261120T020000Z.sqlite dev
              schemasnap diff staging production --sql > close_drift.sql

            --sql prints the DDL that turns TARGET's schema into SOURCE's instead of a report. \
            Statements that can lose data (drop table, drop column, a type change that can fail, \
            a removed enum label) are written commented out unless --unsafe is given; --online \
            builds indexes on existing tables CONCURRENTLY. See docs/sql-generation.md.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reference: ENV, ENV@TIME or a snapshot file.") var source: String
    @Argument(help: "Under review: ENV, ENV@TIME or a snapshot file.") var target: String
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text
    @Option(help: "Exit 1 when drift at or above this level is found: critical, warning, info or never.")
    var failOn: FailLevel = .critical
    @Flag(help: "Also compare the platform's own objects in managed schemas (auth, storage…).") var includeManaged = false
    @Flag(help: "Also compare roles (cluster-wide).") var roles = false
    @Flag(help: "Fail (exit 2) when either snapshot has objects of kinds not compared.") var strictCoverage = false
    @Flag(help: "Print the SQL that turns TARGET's schema into SOURCE's instead of a report.") var sql = false
    @Flag(help: "With --sql: write statements that can lose data as statements, not comments.") var unsafe = false
    @Flag(help: "With --sql: build indexes on existing tables CONCURRENTLY (not in a transaction).") var online = false

    func validate() throws {
        if (unsafe || online) && !sql { throw ValidationError("--unsafe and --online go with --sql") }
    }

    func run() throws {
        let config = try global.loadConfig()
        if sql {
            let comparison = DriftComparison(config: config, includeManaged: includeManaged, compareRoles: roles)
            let up = try MigrationGeneration(comparison: comparison, unsafe: unsafe, online: online)
                .up(source: source, target: target)
            print(up.text, terminator: "")
            return
        }
        let report = try DriftComparison(config: config, includeManaged: includeManaged, compareRoles: roles)
            .report(source: source, target: target, withDiagram: format == .markdown)
        if strictCoverage {
            for side in [report.source, report.target] where !side.notCompared.isEmpty {
                throw SchemasnapError.notCompared(
                    environment: side.environment, summary: describeNotCompared(side.notCompared))
            }
        }
        try printReport(report, format: format)
        if failOn.fails(report.maxSeverity) { throw ExitCode(1) }
    }
}

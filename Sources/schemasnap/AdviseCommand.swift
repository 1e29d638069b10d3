import Advisors
import ArgumentParser
import Reports
import SchemasnapKit
import SnapshotStore

struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Supabase-style security and performance lints on a snapshot, offline.",
        discussion: """
            Lints are named as Supabase's database linter names them (rls_disabled_in_public, \
            auth_rls_initplan, unindexed_foreign_keys, …; see docs/advisors.md). Switch lints off \
            or excuse one object with a reason in schemasnap.toml under [advise].

            Exit 1 when a finding (not excused) is at or above --fail-on.

            Examples:
              schemasnap advise production
              schemasnap advise snapshots/production/20261120T020000Z.sqlite --format markdown
              schemasnap advise staging --fail-on warn
            """
    )

    enum FailOn: String, CaseIterable, ExpressibleByArgument { case error, warn, info, never }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A snapshot file, ENV or ENV@TIME.") var snapshot: String
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text
    @Option(help: "Exit 1 on a finding at or above: error, warn, info or never.") var failOn: FailOn = .error

    func run() throws {
        let config = try global.loadConfig()
        let pipeline = Pipeline(config: config)
        let snap = try pipeline.read(try SnapshotReference(snapshot).resolve(config: config))
        let report = AdviseReport(
            snapshot: SnapshotSummary(snap),
            findings: pipeline.advise(snap.catalog))
        try printReport(report, format: format)
        let threshold: AdvisorFinding.Level? =
            switch failOn {
            case .error: .error
            case .warn: .warn
            case .info: .info
            case .never: nil
            }
        if let threshold, let max = report.maxLevel, max >= threshold { throw ExitCode(1) }
    }
}

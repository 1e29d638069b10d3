import ArgumentParser
import Foundation
import Migrations
import Reports
import SchemasnapKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a migration file from the template.",
        discussion: """
            Writes <migrations>/<yyyyMMddHHmmss UTC>_<snake_case_name>.sql with an UP section, a \
            commented-out DOWN section (read by rollback and verify, skipped by every runner that \
            applies the whole file), best practices, examples and a checklist.

            Examples:
              schemasnap new add_notifications
              schemasnap new "add user's email!"      # → …_add_users_email.sql
              schemasnap new close_drift --from-diff staging production

            --from-diff SOURCE TARGET fills UP with the SQL that turns TARGET's schema into \
            SOURCE's and DOWN with the reverse, from the two snapshots (as `diff --sql`).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What the migration does; sanitised to snake_case.") var name: String
    @Option(
        name: .customLong("from-diff"), parsing: .upToNextOption,
        help: ArgumentHelp("Generate UP and DOWN from two snapshots: SOURCE TARGET.", valueName: "source> <target"))
    var fromDiff: [String] = []
    @Flag(help: "With --from-diff: write statements that can lose data as statements, not comments.") var unsafe = false
    @Flag(help: "With --from-diff: build indexes on existing tables CONCURRENTLY.") var online = false

    func validate() throws {
        if !fromDiff.isEmpty && fromDiff.count != 2 {
            throw ValidationError("--from-diff takes two snapshots: SOURCE TARGET (e.g. --from-diff staging production)")
        }
        if (unsafe || online) && fromDiff.isEmpty { throw ValidationError("--unsafe and --online go with --from-diff") }
    }

    func run() throws {
        let config = try global.loadConfig()
        var up: String?
        var down: String?
        if fromDiff.count == 2 {
            let result = try MigrationGeneration(comparison: DriftComparison(config: config), unsafe: unsafe, online: online)
                .upAndDown(source: fromDiff[0], target: fromDiff[1])
            if result.up.script.statements.isEmpty && result.up.script.notes.isEmpty {
                throw SchemasnapError.nothingToGenerate(source: fromDiff[0], target: fromDiff[1])
            }
            up = result.up.text
            down = result.down.text
        }
        let workflow = MigrationWorkflow(config: config)
        let path = try workflow.create(name: name, up: up, down: down)
        let shown = Terminal.displayPath(path)
        print("created \(shown)")
        let wanted = MigrationName.version(at: workflow.now)
        if let version = MigrationName.parse(fileName: URL(fileURLWithPath: path).lastPathComponent)?.version,
            version != wanted
        {
            print("(version \(wanted) is taken by another migration, so this one is \(version))")
        }
        print(
            """

            Next steps:
              1. \(fromDiff.isEmpty ? "write the UP section (and the DOWN section that undoes it)" : "review the generated UP and DOWN sections") in \(shown)
              2. schemasnap lint \(shown)
              3. apply it to dev, capture, and review: schemasnap status --env dev
            """)
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Local migration files against what an environment's snapshot has applied.",
        discussion: """
            ✅ applied, ⏳ pending, ❌ unknown (applied, no local file); also modified (the file \
            changed since it was applied) and out of order (pending, older than the newest applied). \
            --check exits 1 when anything is pending, unknown, modified or out of order.

            Examples:
              schemasnap status --env production
              schemasnap status --all --check
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment.") var env: String?
    @Flag(help: "Every configured environment.") var all = false
    @Flag(help: "Exit 1 when anything is pending, unknown, modified or out of order.") var check = false
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text

    func validate() throws {
        guard env == nil || !all else { throw ValidationError("give either --env NAME or --all, not both") }
        guard env != nil || all else { throw ValidationError("give --env NAME or --all") }
    }

    func run() throws {
        let config = try global.loadConfig()
        let names = all ? config.environments.map(\.name) : [env!]
        let reports = try MigrationWorkflow(config: config).status(environments: names)
        try printReport(StatusReports(reports), format: format)
        if check && reports.contains(where: { MigrationStatus.needsAttention($0.states) }) { throw ExitCode(1) }
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The migrations to apply to an environment, in order, with their hazards.",
        discussion: """
            Without --to: the folder's pending migrations. With --to ENV: the migrations ENV has \
            applied and this environment lacks. The plan names the snapshot it was made from; \
            --out writes it as JSON for `apply --plan`.

            Examples:
              schemasnap plan --env production
              schemasnap plan --env production --to staging --out plan.json
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment to plan for.") var env: String
    @Option(help: "Plan towards what this environment has applied.") var to: String?
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text
    @Option(help: "Also write the plan as JSON to this file.") var out: String?

    func run() throws {
        let report = try MigrationWorkflow(config: try global.loadConfig()).plan(environment: env, reference: to)
        try printReport(report, format: format)
        if let out {
            do {
                try PlanDocument(report).json.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write \(out): \(error.localizedDescription)")
            }
        }
    }
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find hazards in migration files: data loss, long locks, security holes.",
        discussion: """
            With --against SNAPSHOT|ENV, tables that snapshot has count as existing; without it, \
            every table not created earlier in the same file does. Exit 1 when a hazard at or \
            above --fail-on is found.

            Examples:
              schemasnap lint supabase/migrations/20251107093000_add_notifications.sql
              schemasnap lint --against production --fail-on critical
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Migration files (default: every migration in the folder).") var files: [String] = []
    @Option(help: "A snapshot or environment whose tables exist.") var against: String?
    @Option(help: "Exit 1 on a hazard at or above: critical, warning, info or never.") var failOn: FailLevel = .warning
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text

    func run() throws {
        let results = try MigrationWorkflow(config: try global.loadConfig()).lint(files: files, against: against)
        try printReport(LintReport(results), format: format)
        if failOn.fails(results.flatMap(\.hazards).map(\.severity).max()) { throw ExitCode(1) }
    }
}

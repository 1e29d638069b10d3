import ArgumentParser
import Foundation
import Reports
import SchemasnapKit

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "An environment's snapshots over time and what changed between them.",
        discussion: """
            One line per snapshot: time, short fingerprint, object counts, and the change since \
            the previous snapshot (+ added, ~ changed, - removed).

            Examples:
              schemasnap log --env production
              schemasnap log --env production --since 2026-11-01 --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment.") var env: String
    @Option(help: "Only snapshots captured at or after this time.") var since: String?
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text

    func run() throws {
        let entries = try AuditTrail(config: try global.loadConfig())
            .log(environment: env, since: try since.map(SnapshotLibrary.parseTime))
        try printReport(LogReport(entries: entries, environment: env), format: format)
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "One object across time: when it appeared, changed or disappeared.",
        discussion: """
            OBJECT is written as reports print it: schema.table, schema.table.column, \
            schema.table:policy_name (also indexes, constraints, triggers), schema.function(args), \
            with identifiers quoted the way PostgreSQL quotes them ("My Table").

            Examples:
              schemasnap history public.orders.status --env production
              schemasnap history 'public.orders:"Customers read their orders"'
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The object, as reports name it.") var object: String
    @Option(help: "Only this environment (default: all).") var env: String?
    @Option(help: "Output format: text, json or markdown.") var format: ReportFormat = .text

    func run() throws {
        let events = try AuditTrail(config: try global.loadConfig()).history(of: object, environments: env.map { [$0] } ?? [])
        try printReport(HistoryReport(events: events, path: object), format: format)
    }
}

struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Thin out old snapshots of an environment (dry run unless --apply).",
        discussion: """
            Keeps the newest snapshot of each of the last --keep-daily days that have snapshots, \
            of each of the last --keep-monthly months, and always the newest one.

            Examples:
              schemasnap prune --env production --keep-daily 30 --keep-monthly 12
              schemasnap prune --env production --keep-daily 30 --keep-monthly 12 --apply
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment.") var env: String
    // `.unconditional`, so that `--keep-daily -1` reaches validate() as a number instead of
    // reading as a missing value followed by an unknown flag.
    @Option(parsing: .unconditional, help: "Days to keep one snapshot of.") var keepDaily = 30
    @Option(parsing: .unconditional, help: "Months to keep one snapshot of.") var keepMonthly = 12
    @Flag(help: "Delete the files (without it, only show what would go).") var apply = false

    func validate() throws {
        guard keepDaily >= 0, keepMonthly >= 0 else {
            throw ValidationError(
                "--keep-daily and --keep-monthly must be 0 or more (got \(keepDaily) and \(keepMonthly)); 0 keeps only the newest snapshot"
            )
        }
    }

    func run() throws {
        let result = try AuditTrail(config: try global.loadConfig())
            .prune(environment: env, keepDaily: keepDaily, keepMonthly: keepMonthly, apply: apply)
        for path in result.keep { print("keep    \(Terminal.displayPath(path))") }
        for path in result.delete { print("\(apply ? "deleted" : "delete ") \(Terminal.displayPath(path))") }
        print("\(result.keep.count) kept, \(result.delete.count) \(apply ? "deleted" : "to delete (dry run: add --apply)")")
    }
}

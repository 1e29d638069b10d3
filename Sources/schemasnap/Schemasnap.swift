import ArgumentParser
import SchemasnapKit

/// The `schemasnap` command: parses arguments and hands off to a subcommand.
struct Schemasnap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemasnap",
        abstract: "Offline schema snapshots and drift reports for PostgreSQL and Supabase.",
        discussion: """
            `capture` reads a database; `apply`, `rollback` and `verify` write to one, guarded. \
            Every other command works on snapshot files and the migrations folder, so its report is \
            reproducible anywhere, with no credentials.
            """,
        version: SchemasnapVersion.description,
        subcommands: [
            CaptureCommand.self, DiffCommand.self, ShowCommand.self, NewCommand.self, StatusCommand.self, PlanCommand.self,
            LintCommand.self, LogCommand.self, HistoryCommand.self, PruneCommand.self, AdviseCommand.self,
            ApplyCommand.self, RollbackCommand.self, VerifyCommand.self,
        ]
    )
}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: ./schemasnap.toml if present).")
    var config: String?

    func loadConfig() throws -> Config { try Config.load(path: config) }
}

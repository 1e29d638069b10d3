import ArgumentParser
import Foundation
import Reports
import SchemasnapKit

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply one migration to one environment, guarded.",
        discussion: """
            MIGRATION is a version, a name, or a part of the name that matches exactly one file. \
            Runs the migration and its schema_migrations record in one transaction under an \
            advisory lock: a failure records nothing and names the failing statement. A protected \
            environment needs --force and a pg_dump backup younger than 30 minutes.

            Examples:
              schemasnap apply --env staging --migration add_notifications --dry-run
              schemasnap apply --env production --migration 20251107093000 --force --plan plan.json
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment.") var env: String
    @Option(help: "Version, name or a unique part of the name.") var migration: String
    @Flag(help: "Show the guards and the SQL; change nothing.") var dryRun = false
    @Flag(help: "Run on a protected environment, or again when already applied.") var force = false
    @Option(help: "The pg_dump backup to check (default: newest in backup_dir).") var backup: String?
    @Option(help: "Refuse unless the live schema still matches this plan (schemasnap plan --out).") var plan: String?
    @Flag(help: "Run statement by statement, for CREATE INDEX CONCURRENTLY and the like.") var noTransaction = false
    @Flag(help: "Capture the environment after a successful apply.") var capture = false

    func run() throws {
        var request = ApplyWorkflow.ApplyRequest(environment: env, migration: migration)
        request.dryRun = dryRun
        request.force = force
        request.backup = backup
        request.plan = plan
        request.noTransaction = noTransaction
        request.captureAfter = capture
        try ApplyWorkflow(config: try global.loadConfig()).apply(request, output: printProgress)
    }
}

struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Run the DOWN sections of the newest applied migrations, guarded.",
        discussion: """
            Newest first, in one transaction under the advisory lock, deleting their \
            schema_migrations rows. A migration without a DOWN section stops the rollback before \
            anything runs.

            Examples:
              schemasnap rollback --env dev
              schemasnap rollback --env staging --to 20251105100000 --dry-run
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment.") var env: String
    @Option(help: "How many migrations to roll back.") var steps = 1
    @Option(help: "Roll back every migration newer than this version.") var to: String?
    @Flag(help: "Show what would run; change nothing.") var dryRun = false
    @Flag(help: "Required for a protected environment.") var force = false
    @Option(help: "The pg_dump backup to check (default: newest in backup_dir).") var backup: String?

    func validate() throws {
        guard steps > 0 else { throw ValidationError("--steps must be 1 or more") }
    }

    func run() throws {
        try ApplyWorkflow(config: try global.loadConfig())
            .rollback(environment: env, steps: steps, to: to, force: force, backup: backup, dryRun: dryRun, output: printProgress)
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every migration on a scratch database: UP, DOWN, UP again round-trips exactly.",
        discussion: """
            The database named by --shadow-url-env must be a scratch one: it is refused if it holds \
            user objects, unless --reset drops them. --setup runs a SQL file first (for a plain \
            PostgreSQL, the Supabase stand-in: supabase/platform.sql). Writes the snapshot of the \
            schema the folder builds (default snapshots/intended.sqlite), so \
            `schemasnap diff snapshots/intended.sqlite production` answers "does production match \
            the migrations?". Exit 1 when a migration fails or does not round-trip.

            Example:
              schemasnap verify --shadow-url-env SHADOW_URL --setup supabase/platform.sql
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The variable holding the scratch database's connection string.") var shadowUrlEnv: String
    @Flag(help: "Drop user objects found in the scratch database first.") var reset = false
    @Option(help: "A SQL file to run before the migrations.") var setup: String?
    @Option(help: "Where to write the intended snapshot.") var out = "snapshots/intended.sqlite"

    func run() throws {
        let result = try VerifyWorkflow(config: try global.loadConfig())
            .verify(shadowVariable: shadowUrlEnv, reset: reset, setup: setup, out: out, output: printProgress)
        try printReport(result)
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}

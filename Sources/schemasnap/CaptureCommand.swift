import ArgumentParser
import Foundation
import Reports
import SchemasnapKit

struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Read an environment's catalog into a snapshot file.",
        discussion: """
            The connection string comes from an environment variable only (default \
            SCHEMASNAP_DB_URL_<ENV>) and goes to libpq unchanged: URLs, key=value strings, \
            service=NAME, PGPASSFILE and sslmode all work.

            Examples:
              schemasnap capture --env staging
              schemasnap capture --all
              schemasnap capture --url-env PROD_RO_URL --name production --out prod.sqlite
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The environment to capture.") var env: String?
    @Flag(help: "Capture every configured environment, concurrently.") var all = false
    @Option(help: "Read the connection string from this variable instead.") var urlEnv: String?
    @Option(help: "The environment name recorded in the snapshot (with --url-env).") var name: String?
    @Option(help: "Write the snapshot here instead of snapshots/<env>/<time>.sqlite.") var out: String?
    @Flag(help: "Write a snapshot even when nothing changed since the newest one.") var always = false
    @Flag(help: "Fail (exit 2, nothing written) when the database has objects of kinds not compared.") var strictCoverage = false
    @Flag(help: .hidden) var printQueries = false

    func validate() throws {
        if printQueries { return }
        let modes = [env != nil, all, urlEnv != nil].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("give exactly one of --env NAME, --all, or --url-env VAR --name NAME")
        }
        if urlEnv != nil, name == nil { throw ValidationError("--url-env needs --name NAME for the snapshot") }
        if all, out != nil { throw ValidationError("--out names one file; it cannot be used with --all") }
    }

    func run() throws {
        let config = try global.loadConfig()
        var capturer = Capturer(config: config)
        capturer.strictCoverage = strictCoverage
        if printQueries {
            // For scripts/bench: the floor of a capture is these queries run through psql.
            print(capturer.pipeline.inspector.captureScript, terminator: "")
            return
        }
        if all {
            var failed = false
            for (name, result) in capturer.captureAll(always: always) {
                switch result {
                case .success(let outcome): report(outcome)
                case .failure(let error):
                    failed = true
                    Terminal.printError("error: \(name): \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
                }
            }
            if failed { throw ExitCode(2) }
            return
        }
        let (envName, variable): (String, String)
        if let urlEnv, let name {
            (envName, variable) = (name, urlEnv)
        } else {
            let environment = try config.environment(env!)
            (envName, variable) = (environment.name, environment.urlEnv)
        }
        let progress = ProgressReporter(environment: envName)
        let outcome = try capturer.capture(
            name: envName, variable: variable, out: out.map { config.resolveFromWorkingDirectory($0) },
            always: always, progress: progress.stage)
        report(outcome)
    }

    private func report(_ outcome: CaptureOutcome) {
        for warning in outcome.warnings { Terminal.printError("warning: \(outcome.environment): \(warning)") }
        let meta = outcome.meta
        let seconds = String(format: "%.2f", outcome.seconds)
        if outcome.written {
            let counts = ["relations", "columns", "policies", "functions"].map { "\(meta.objectCounts[$0] ?? 0) \($0)" }
            print(
                "captured \(outcome.environment) → \(Terminal.displayPath(outcome.path)) "
                    + "(fingerprint \(meta.shortFingerprint), \(counts.joined(separator: ", "))) in \(seconds) s")
        } else {
            print(
                "\(outcome.environment) unchanged since \(displayTime(meta.capturedAt)) "
                    + "(fingerprint \(meta.shortFingerprint)); nothing written (use --always to write anyway)")
        }
    }
}

/// Prints capture stages on stderr once a capture has taken more than a second.
final class ProgressReporter: @unchecked Sendable {
    private let environment: String
    private let start = Date()

    init(environment: String) { self.environment = environment }

    func stage(_ name: String) {
        guard Date().timeIntervalSince(start) > 1 else { return }
        Terminal.printError("capturing \(environment): \(name)…")
    }
}

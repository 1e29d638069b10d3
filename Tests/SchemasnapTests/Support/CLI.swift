import Foundation
import XCTest

/// Runs the built `schemasnap` binary as a user would, capturing its output and exit code.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The `schemasnap` executable next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("schemasnap")
    }

    /// Runs `schemasnap arguments` (or `via` with `arguments`, e.g. to run it as another user)
    /// in `directory` with `environment` added to a clean one.
    @discardableResult
    static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], via: String? = nil
    ) throws -> CLIResult {
        try RunningCLI(arguments, in: directory, environment: environment, via: via).finish()
    }
}

/// A `schemasnap` process started in the background, for tests that signal or race it.
final class RunningCLI {
    let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    init(_ arguments: [String], in directory: String?, environment: [String: String], via: String? = nil) throws {
        process.executableURL = via.map { URL(fileURLWithPath: $0) } ?? CLI.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the process to end and returns what it printed and its exit status (the
    /// signal number when a signal ended it).
    func finish() -> CLIResult {
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

extension CLI {
    /// Starts `schemasnap arguments` without waiting for it.
    static func start(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws
        -> RunningCLI
    {
        try RunningCLI(arguments, in: directory, environment: environment)
    }
}

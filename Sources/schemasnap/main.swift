import ArgumentParser
import Foundation
import Reports
import SchemasnapKit

// Error kinds map to exit codes here and only here: 0 success, 1 drift found or check
// failed (thrown as ExitCode(1) by the command), 2 usage, input, connection or file trouble.
// An unknown command word gets a suggestion before argument parsing calls it unexpected.
let commandNames = Schemasnap.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
if let word = CommandLine.arguments.dropFirst().first, !word.hasPrefix("-"), !commandNames.contains(word) {
    let suggestion = commandNames.min { editDistance($0, word) < editDistance($1, word) }
    let hint = suggestion.flatMap { editDistance($0, word) <= 2 ? "; did you mean `\($0)`?" : nil } ?? ""
    Terminal.printError(
        "error: unknown command `\(word)`\(hint) (commands: \(commandNames.dropLast().joined(separator: ", ")); "
            + "see `schemasnap --help`)")
    Foundation.exit(2)
}

do {
    var command = try Schemasnap.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Schemasnap.exitCode(for: error)
    if code == .success {
        // --help and --version
        print(Schemasnap.fullMessage(for: error))
        Foundation.exit(0)
    }
    var message = (error as? LocalizedError)?.errorDescription ?? Schemasnap.fullMessage(for: error)
    if message.hasPrefix("Error: ") { message = String(message.dropFirst("Error: ".count)) }
    Terminal.printError(message.hasPrefix("error: ") ? message : "error: " + message)
    Foundation.exit(2)
}

/// The Levenshtein distance between `a` and `b`: how many single-character edits turn one into the other.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1]
        for (j, y) in b.enumerated() {
            current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
        }
        previous = current
    }
    return previous[b.count]
}

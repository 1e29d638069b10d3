import ArgumentParser
import Foundation
import SchemasnapKit

// Error kinds map to exit codes here and only here: 0 success, 1 drift found or check
// failed (thrown as ExitCode(1) by the command), 2 usage, input, connection or file trouble.
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

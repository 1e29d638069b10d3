import Foundation
import Reports

/// Facts about where output goes: colour and icons only on a terminal, never with `NO_COLOR`.
public enum Terminal {
    /// True when standard output is a terminal and `NO_COLOR` is unset.
    public static var stdoutIsColorTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Icons and colour on a terminal, plain text elsewhere.
    public static var stdoutStyle: TextStyle { stdoutIsColorTerminal ? .terminal : .plain }

    /// Writes `text` and a newline to standard error.
    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `path` relative to the working directory when it lies inside it.
    public static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

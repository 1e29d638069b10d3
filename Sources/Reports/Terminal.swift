import Foundation

/// Facts about where output goes: colour and icons only on a terminal that can show them,
/// never with `NO_COLOR` set to anything (no-color.org) or `TERM=dumb`.
public enum Terminal {
    /// True when standard output is a terminal, `NO_COLOR` is unset or empty, and `TERM` is
    /// not `dumb`.
    public static var stdoutIsColorTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && allowsColor(ProcessInfo.processInfo.environment)
    }

    /// Whether `environment` lets a terminal have colour: `NO_COLOR` unset or empty (an
    /// empty value does not count, per no-color.org) and `TERM` not `dumb`.
    public static func allowsColor(_ environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
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

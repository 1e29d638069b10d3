import Foundation
import SnapshotStore

/// How a user names a snapshot on the command line: a file path, an environment (its newest
/// snapshot) or `env@TIME` (its newest snapshot at or before TIME).
public struct SnapshotReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file(String)
        case environment(String, atOrBefore: String?)
    }

    public var kind: Kind

    /// Reads `text`: anything containing `/` or ending in `.sqlite`, or an existing file, is
    /// a path; otherwise `name` or `name@time`.
    public init(_ text: String) {
        if text.contains("/") || text.hasSuffix(".sqlite") || FileManager.default.fileExists(atPath: text) {
            kind = .file(text)
        } else if let at = text.firstIndex(of: "@") {
            kind = .environment(String(text[..<at]), atOrBefore: String(text[text.index(after: at)...]))
        } else {
            kind = .environment(text, atOrBefore: nil)
        }
    }

    /// The environment named, if this is not a file.
    public var environment: String? {
        if case .environment(let name, _) = kind { return name }
        return nil
    }

    /// The snapshot file this reference names.
    public func resolve(config: Config) throws -> String {
        switch kind {
        case .file(let path):
            return path
        case .environment(let name, let time):
            _ = try config.environment(name)
            let library = SnapshotLibrary(folder: config.snapshotsPath)
            return try library.newest(of: name, atOrBefore: try time.map(SnapshotLibrary.parseTime))
        }
    }
}

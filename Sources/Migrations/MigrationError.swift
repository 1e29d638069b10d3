import Foundation

/// Errors from the migrations folder and the commands that read it.
public enum MigrationError: LocalizedError, Equatable {
    case folderMissing(String)
    case emptyName(String)
    case alreadyExists(String)
    case unreadable(String, reason: String)
    case notUTF8(String)
    case duplicateVersion(String, files: [String])
    case unknownMigration(String, candidates: [String])
    case ambiguousMigration(String, candidates: [String])

    /// What went wrong and what to do, as the CLI prints it.
    public var errorDescription: String? {
        switch self {
        case .folderMissing(let p):
            "migrations folder \(p) does not exist; create it with `mkdir -p \(p)` or set `migrations` in schemasnap.toml"
        case .emptyName(let n):
            "`\(n)` has no letters or digits to name a migration; give a name such as add_user_email"
        case .alreadyExists(let p):
            "a migration named like that already exists: \(p); choose another name"
        case .unreadable(let p, let reason):
            "\(p): cannot read the migration (\(reason))"
        case .notUTF8(let p):
            "\(p) is not UTF-8 text; save it as UTF-8"
        case .duplicateVersion(let v, let files):
            "version \(v) is used by more than one file (\(files.joined(separator: ", "))); give each migration its own timestamp"
        case .unknownMigration(let m, let candidates):
            "no migration matches `\(m)`"
                + (candidates.isEmpty
                    ? "; run `schemasnap status` to list them" : "; did you mean: \(candidates.joined(separator: ", "))")
        case .ambiguousMigration(let m, let candidates):
            "`\(m)` matches several migrations: \(candidates.joined(separator: ", ")); give more of the name or the version"
        }
    }
}

import Foundation

/// Errors reading or writing snapshot files. Each message names the file and says what to do.
public enum StoreError: LocalizedError, Equatable {
    case fileNotFound(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case notASnapshot(String)
    case newerFormat(String, version: Int)
    case damaged(String, reason: String)
    case outputNotASnapshot(String)
    case writeFailed(String, reason: String)

    /// What went wrong and what to do, as the CLI prints it.
    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let p):
            "\(p): no such snapshot file; run `schemasnap capture` or check the path"
        case .isDirectory(let p):
            "\(p) is a directory, not a snapshot file; give the path of a .sqlite snapshot"
        case .unreadable(let p, let reason):
            "\(p): cannot read the snapshot (\(reason)); check the file's permissions"
        case .notASnapshot(let p):
            "\(p) is not a schemasnap snapshot; give a file written by `schemasnap capture`"
        case .newerFormat(let p, let v):
            "\(p): snapshot format \(v) is newer than this schemasnap (\(SnapshotSchema.formatVersion)); upgrade schemasnap"
        case .damaged(let p, let reason):
            "\(p): the snapshot is damaged (\(reason)); restore it from git or capture again"
        case .outputNotASnapshot(let p):
            "\(p) exists and is not a snapshot; refusing to overwrite it: choose another --out path"
        case .writeFailed(let p, let reason):
            "cannot write \(p) (\(reason)); check that the folder exists and is writable"
        }
    }
}

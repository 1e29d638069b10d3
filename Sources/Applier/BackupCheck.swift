import Foundation

/// The backup a protected environment needs before a write: a `pg_dump` file younger than
/// 30 minutes, given explicitly or the newest in the environment's backup folder.
public enum BackupCheck {
    public static let maximumAge: TimeInterval = 30 * 60

    /// The command that takes a backup schemasnap accepts.
    public static func command(variable: String, folder: String?) -> String {
        let dir = folder ?? "backups"
        return "mkdir -p \(dir) && pg_dump --format=custom --file=\(dir)/$(date -u +%Y%m%dT%H%M%SZ).dump \"$\(variable)\""
    }

    /// Checks `explicit` or the newest file in `folder`; returns the backup's path.
    public static func verify(explicit: String?, folder: String?, environment: String, variable: String, now: Date = Date())
        throws -> String
    {
        let command = command(variable: variable, folder: folder)
        let fm = FileManager.default
        var candidate = explicit
        if candidate == nil, let folder, let names = try? fm.contentsOfDirectory(atPath: folder) {
            let files = names.map { URL(fileURLWithPath: folder).appendingPathComponent($0).path }
                .filter { (try? fm.attributesOfItem(atPath: $0)[.type] as? FileAttributeType) == .typeRegular }
            candidate = files.max { modified($0) < modified($1) }
        }
        guard let path = candidate else { throw ApplyError.backupMissing(environment: environment, command: command) }
        guard fm.fileExists(atPath: path) else {
            throw ApplyError.backupInvalid(path: path, reason: "does not exist", command: command)
        }
        let age = now.timeIntervalSince(modified(path))
        guard age <= maximumAge else { throw ApplyError.backupStale(path: path, minutes: Int(age / 60), command: command) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ApplyError.backupInvalid(path: path, reason: "cannot be read", command: command)
        }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 4096)
        guard !head.isEmpty else { throw ApplyError.backupInvalid(path: path, reason: "is empty", command: command) }
        let isCustomFormat = head.starts(with: Array("PGDMP".utf8))
        let isPlainDump = String(decoding: head, as: UTF8.self).contains("-- PostgreSQL database dump")
        guard isCustomFormat || isPlainDump else {
            throw ApplyError.backupInvalid(path: path, reason: "does not look like pg_dump output", command: command)
        }
        return path
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}

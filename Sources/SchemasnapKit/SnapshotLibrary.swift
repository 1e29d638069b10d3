import Foundation
import SnapshotStore

/// The snapshots folder: `<snapshots>/<env>/<yyyyMMdd'T'HHmmss'Z'>.sqlite`, one folder per
/// environment, names that sort by time.
public struct SnapshotLibrary: Sendable {
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The default path of a snapshot of `environment` taken at `time`.
    public func path(for environment: String, at time: Date) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(environment)
            .appendingPathComponent(Self.fileStamp(time) + ".sqlite").path
    }

    /// Snapshot files of `environment`, oldest first (temporary files are ignored).
    public func snapshots(of environment: String) -> [String] {
        let dir = URL(fileURLWithPath: folder).appendingPathComponent(environment)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }.sorted()
            .map { dir.appendingPathComponent($0).path }
    }

    /// The newest snapshot of `environment`, or of its snapshots the newest at or before `time`.
    public func newest(of environment: String, atOrBefore time: Date? = nil) throws -> String {
        let all = snapshots(of: environment)
        guard !all.isEmpty else { throw SchemasnapError.noSnapshot(environment: environment, folder: folder) }
        guard let time else { return all.last! }
        let limit = Self.fileStamp(time)
        guard let match = all.last(where: { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent <= limit }) else {
            throw SchemasnapError.noSnapshotBefore(environment: environment, time: iso8601String(time))
        }
        return match
    }

    /// `20261126T085538Z`, the file-name form of a time.
    public static func fileStamp(_ time: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: time)
    }

    /// Parses the times a user may give: `2026-11-20` (end of that day, UTC),
    /// `2026-11-20T02:00Z`, `2026-11-20T02:00:00Z`, `2026-11-20 02:00`, or a snapshot stamp
    /// `20261120T020000Z`.
    public static func parseTime(_ text: String) throws -> Date {
        let formats: [(String, TimeInterval)] = [
            ("yyyyMMdd'T'HHmmss'Z'", 0), ("yyyy-MM-dd'T'HH:mm:ssX", 0), ("yyyy-MM-dd'T'HH:mmX", 59),
            ("yyyy-MM-dd'T'HH:mm:ss", 0), ("yyyy-MM-dd'T'HH:mm", 59), ("yyyy-MM-dd HH:mm:ss", 0),
            ("yyyy-MM-dd HH:mm", 59), ("yyyy-MM-dd", 86_399),
        ]
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        for (format, slack) in formats {
            f.dateFormat = format
            if let date = f.date(from: text) { return date.addingTimeInterval(slack) }
        }
        throw SchemasnapError.badTime(text)
    }
}

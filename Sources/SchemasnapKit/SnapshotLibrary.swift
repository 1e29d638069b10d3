import Foundation
import SnapshotStore

/// The snapshots folder: `<snapshots>/<env>/<yyyyMMdd'T'HHmmss'Z'>.sqlite`, one folder per
/// environment, ordered by time. A second snapshot within the same second is
/// `<stamp>_2.sqlite`, then `_3`…: a capture never replaces a snapshot, and the library orders
/// them by stamp, then number.
public struct SnapshotLibrary: Sendable {
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The default path of a snapshot of `environment` taken at `time`; `number` 2 and up name
    /// later snapshots of the same second (`<stamp>_2.sqlite`).
    public func path(for environment: String, at time: Date, number: Int = 1) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(environment)
            .appendingPathComponent(Self.fileStamp(time) + (number > 1 ? "_\(number)" : "") + ".sqlite").path
    }

    /// Snapshot files of `environment`, oldest first: by time stamp, then by number within a
    /// second (temporary files are ignored).
    public func snapshots(of environment: String) -> [String] {
        let dir = URL(fileURLWithPath: folder).appendingPathComponent(environment)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }
            .map { ($0, Self.order(of: $0)) }
            .sorted { ($1.1.stamp, $1.1.number, $1.0) > ($0.1.stamp, $0.1.number, $0.0) }
            .map { dir.appendingPathComponent($0.0).path }
    }

    /// A file name's time stamp and number within its second: `20261201T075404Z_2.sqlite` →
    /// (`20261201T075404Z`, 2); a name without a number is 1.
    static func order(of name: String) -> (stamp: String, number: Int) {
        let stem = name.hasSuffix(".sqlite") ? String(name.dropLast(7)) : name
        guard let underscore = stem.lastIndex(of: "_"), let number = Int(stem[stem.index(after: underscore)...]) else {
            return (stem, 1)
        }
        return (String(stem[..<underscore]), number)
    }

    /// The newest snapshot of `environment`, or of its snapshots the newest at or before `time`.
    public func newest(of environment: String, atOrBefore time: Date? = nil) throws -> String {
        let all = snapshots(of: environment)
        guard !all.isEmpty else { throw SchemasnapError.noSnapshot(environment: environment, folder: folder) }
        guard let time else { return all.last! }
        let limit = Self.fileStamp(time)
        guard let match = all.last(where: { Self.order(of: URL(fileURLWithPath: $0).lastPathComponent).stamp <= limit }) else {
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

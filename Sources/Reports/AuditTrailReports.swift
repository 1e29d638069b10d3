import CatalogModel
import Foundation
import SnapshotStore

/// One snapshot in an environment's history and what changed since the one before.
public struct LogEntry: Sendable {
    public var path: String
    public var meta: SnapshotMeta
    /// Per object kind: objects added, changed and removed since the previous snapshot;
    /// nil for the first snapshot shown.
    public var changes: [ObjectKind: ChangeCounts]?

    public init(path: String, meta: SnapshotMeta, changes: [ObjectKind: ChangeCounts]?) {
        self.path = path
        self.meta = meta
        self.changes = changes
    }
}

/// Objects added, changed (one or more attributes) and removed.
public struct ChangeCounts: Sendable, Hashable {
    public var added = 0
    public var changed = 0
    public var removed = 0

    public init() {}
}

/// One event in an object's history.
public struct HistoryEvent: Sendable {
    public enum Kind: String, Sendable { case appeared, changed, disappeared }

    public var environment: String
    public var capturedAt: Date
    public var path: String
    public var kind: Kind
    public var objectKind: ObjectKind
    /// For `changed`: the attribute and both values.
    public var attribute: String?
    public var oldValue: String?
    public var newValue: String?

    public init(
        environment: String, capturedAt: Date, path: String, kind: Kind, objectKind: ObjectKind, attribute: String? = nil,
        oldValue: String? = nil, newValue: String? = nil
    ) {
        self.environment = environment
        self.capturedAt = capturedAt
        self.path = path
        self.kind = kind
        self.objectKind = objectKind
        self.attribute = attribute
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// `schemasnap log`: an environment's snapshots, each with what changed since the one before.
public struct LogReport: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]
    public var entries: [LogEntry]
    public var environment: String

    public init(entries: [LogEntry], environment: String) {
        self.entries = entries
        self.environment = environment
    }

    /// `+2 tables, ~3 columns, -1 policy`, kinds in canonical order; `no change` when empty.
    static func summary(_ changes: [ObjectKind: ChangeCounts]) -> String {
        var parts: [String] = []
        for kind in ObjectKind.allCases {
            guard let c = changes[kind] else { continue }
            for (sign, n) in [("+", c.added), ("~", c.changed), ("-", c.removed)] where n > 0 {
                parts.append("\(sign)\(n) \(n == 1 ? kind.rawValue : kind.plural)")
            }
        }
        return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
    }

    private static func counts(_ meta: SnapshotMeta) -> String {
        ["relations", "columns", "policies", "functions"].map { "\(meta.objectCounts[$0] ?? 0) \($0)" }.joined(separator: ", ")
    }

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        switch format {
        case .json:
            return reportJSON(
                entries.map { entry in
                    LogJSON(
                        capturedAt: entry.meta.capturedAt, fingerprint: entry.meta.fingerprint, file: entry.path,
                        objectCounts: entry.meta.objectCounts,
                        changes: entry.changes.map { changes in
                            Dictionary(
                                uniqueKeysWithValues: changes.map {
                                    (
                                        $0.key.rawValue,
                                        ["added": $0.value.added, "changed": $0.value.changed, "removed": $0.value.removed]
                                    )
                                })
                        })
                })
        case .markdown:
            var out =
                "## Snapshots of \(environment)\n\n| Captured | Fingerprint | Objects | Since previous |\n|---|---|---|---|\n"
            for e in entries {
                out +=
                    "| \(displayTime(e.meta.capturedAt)) | `\(e.meta.shortFingerprint)` | \(Self.counts(e.meta)) | "
                    + (e.changes.map(Self.summary) ?? "first snapshot") + " |\n"
            }
            return out
        case .text:
            return entries.map { e in
                "\(displayTime(e.meta.capturedAt))  \(e.meta.shortFingerprint)  \(Self.counts(e.meta))  "
                    + (e.changes.map(Self.summary) ?? "(first snapshot)") + "\n"
            }.joined()
        }
    }

    private struct LogJSON: Encodable {
        var capturedAt: Date
        var fingerprint: String
        var file: String
        var objectCounts: [String: Int]
        var changes: [String: [String: Int]]?
    }
}

/// `schemasnap history`: what happened to one object across environments' snapshots.
public struct HistoryReport: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]
    public var events: [HistoryEvent]
    public var path: String

    public init(events: [HistoryEvent], path: String) {
        self.events = events
        self.path = path
    }

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        switch format {
        case .json:
            return reportJSON(
                events.map {
                    HistoryJSON(
                        environment: $0.environment, capturedAt: $0.capturedAt, event: $0.kind.rawValue,
                        objectKind: $0.objectKind.rawValue, attribute: $0.attribute, oldValue: $0.oldValue, newValue: $0.newValue)
                })
        case .markdown:
            var out = "## History of `\(path)`\n\n| Captured | Environment | Event |\n|---|---|---|\n"
            for e in events { out += "| \(displayTime(e.capturedAt)) | \(e.environment) | \(Self.line(e)) |\n" }
            return out
        case .text:
            guard !events.isEmpty else { return "\(path): never seen in these snapshots\n" }
            return events.map { "\(displayTime($0.capturedAt))  \($0.environment)  \(Self.line($0))\n" }.joined()
        }
    }

    private static func line(_ e: HistoryEvent) -> String {
        switch e.kind {
        case .appeared: "\(e.objectKind.rawValue) \(e.path) appeared"
        case .disappeared: "\(e.objectKind.rawValue) \(e.path) disappeared"
        case .changed: "\(e.attribute ?? ""): \(e.oldValue ?? "(none)") → \(e.newValue ?? "(none)")"
        }
    }

    private struct HistoryJSON: Encodable {
        var environment: String
        var capturedAt: Date
        var event: String
        var objectKind: String
        var attribute: String?
        var oldValue: String?
        var newValue: String?
    }
}

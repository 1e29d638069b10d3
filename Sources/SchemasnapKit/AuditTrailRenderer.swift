import CatalogModel
import Foundation
import Reports
import SnapshotStore

/// Text, JSON and Markdown for `log` and `history`.
public enum AuditTrailRenderer {
    /// `+2 tables, ~3 columns, -1 policy`, kinds in canonical order; `no change` when empty.
    public static func summary(_ changes: [ObjectKind: ChangeCounts]) -> String {
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

    public static func render(log entries: [LogEntry], environment: String, format: ReportFormat) -> String {
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
                    "| \(iso8601Display(e.meta.capturedAt)) | `\(e.meta.shortFingerprint)` | \(counts(e.meta)) | "
                    + (e.changes.map(summary) ?? "first snapshot") + " |\n"
            }
            return out
        case .text:
            return entries.map { e in
                "\(iso8601Display(e.meta.capturedAt))  \(e.meta.shortFingerprint)  \(counts(e.meta))  "
                    + (e.changes.map(summary) ?? "(first snapshot)") + "\n"
            }.joined()
        }
    }

    public static func render(history events: [HistoryEvent], path: String, format: ReportFormat) -> String {
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
            for e in events { out += "| \(iso8601Display(e.capturedAt)) | \(e.environment) | \(line(e)) |\n" }
            return out
        case .text:
            guard !events.isEmpty else { return "\(path): never seen in these snapshots\n" }
            return events.map { "\(iso8601Display($0.capturedAt))  \($0.environment)  \(line($0))\n" }.joined()
        }
    }

    private static func line(_ e: HistoryEvent) -> String {
        switch e.kind {
        case .appeared: "\(e.objectKind.rawValue) \(e.path) appeared"
        case .disappeared: "\(e.objectKind.rawValue) \(e.path) disappeared"
        case .changed: "\(e.attribute ?? ""): \(e.oldValue ?? "(none)") → \(e.newValue ?? "(none)")"
        }
    }

    private struct LogJSON: Encodable {
        var capturedAt: Date
        var fingerprint: String
        var file: String
        var objectCounts: [String: Int]
        var changes: [String: [String: Int]]?
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

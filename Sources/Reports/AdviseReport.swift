import Advisors
import CatalogModel
import Foundation

/// The findings of `schemasnap advise` on one snapshot.
public struct AdviseReport: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]

    public var snapshot: SnapshotSummary
    public var findings: [AdvisorFinding]

    public init(snapshot: SnapshotSummary, findings: [AdvisorFinding]) {
        self.snapshot = snapshot
        self.findings = findings
    }

    /// The highest level among findings that are not excused.
    public var maxLevel: AdvisorFinding.Level? { findings.filter { $0.excuse == nil }.map(\.level).max() }

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        switch format {
        case .text: text(style)
        case .json: json()
        case .markdown: markdown()
        }
    }

    private func icon(_ level: AdvisorFinding.Level) -> String {
        switch level {
        case .error: "🔴"
        case .warn: "🟡"
        case .info: "🔵"
        }
    }

    private func text(_ style: TextStyle) -> String {
        let rule = String(repeating: "━", count: 64)
        var out = "\(rule)\n  \(style.bold("Advisors: \(snapshot.environment)"))\n\(rule)\n"
        out += "  snapshot \(displayTime(snapshot.capturedAt)), fingerprint \(snapshot.shortFingerprint)\n\n"
        let active = findings.filter { $0.excuse == nil }
        out +=
            "Summary: "
            + AdvisorFinding.Level.allCases.reversed().map { level in
                "\(active.filter { $0.level == level }.count) \(level.rawValue)"
            }.joined(separator: ", ") + ", \(findings.count - active.count) excused\n"
        if findings.isEmpty { out += "\nNo findings.\n" }
        for f in findings {
            let level = f.level.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
            let badge = style.icons ? "\(icon(f.level)) \(level)" : level
            out += "\n  \(badge)  \(f.lint) (\(f.category.rawValue))  \(f.object)\n"
            out += "         \(f.detail)\n"
            if let excuse = f.excuse {
                out += "         excused: \(excuse)\n"
            } else {
                out += "         fix: \(f.remediation)\n"
            }
        }
        return out
    }

    private func markdown() -> String {
        var out = "## Advisors: \(snapshot.environment)\n\n"
        out += "Snapshot \(displayTime(snapshot.capturedAt)), fingerprint `\(snapshot.shortFingerprint)`.\n\n"
        if findings.isEmpty { return out + "No findings.\n" }
        out += "| Level | Lint | Category | Object | Detail | Fix |\n|---|---|---|---|---|---|\n"
        for f in findings {
            let fix = f.excuse.map { "_excused: \($0)_" } ?? "`\(f.remediation.replacingOccurrences(of: "|", with: "\\|"))`"
            out +=
                "| \(icon(f.level)) \(f.level.rawValue) | `\(f.lint)` | \(f.category.rawValue) | `\(f.object)` | \(f.detail) | \(fix) |\n"
        }
        return out
    }

    private func json() -> String {
        struct Entry: Encodable {
            var lint, level, category, object, detail, remediation: String
            var excused: String?
        }
        struct Document: Encodable {
            var schemaVersion = 1
            var report = "advise"
            var environment: String
            var capturedAt: Date
            var fingerprint: String
            var findings: [Entry]
        }
        let document = Document(
            environment: snapshot.environment, capturedAt: snapshot.capturedAt, fingerprint: snapshot.fingerprint,
            findings: findings.map {
                Entry(
                    lint: $0.lint, level: $0.level.rawValue, category: $0.category.rawValue, object: $0.object,
                    detail: $0.detail, remediation: $0.remediation, excused: $0.excuse)
            })
        return reportJSON(document)
    }
}

import CatalogModel
import Differ
import Foundation

/// Renders a drift report as a pull-request comment: a summary table, findings per severity
/// in collapsible sections, a Mermaid diagram of affected tables, and recommendations.
enum MarkdownRenderer {
    static func render(_ report: DiffReport) -> String {
        let source = report.source.label
        let target = report.target.label
        let headline = report.maxSeverity.map { "\($0.icon) " } ?? "✅ "
        var out = "## \(headline)Schema drift: \(source) → \(target)\n\n"
        out += "| | \(escape(source)) (source) | \(escape(target)) (target) |\n|---|---|---|\n"
        out += "| captured | \(displayTime(report.source.capturedAt)) | \(displayTime(report.target.capturedAt)) |\n"
        out += "| fingerprint | `\(report.source.shortFingerprint)` | `\(report.target.shortFingerprint)` |\n\n"
        out += "| Severity | Findings |\n|---|---:|\n"
        let counts = report.counts
        for severity in Severity.allCases.reversed() {
            out +=
                "| \(severity.icon) \(severity.title) | \(counts[severity] ?? 0)\(report.countSplit(severity).map { " (\($0))" } ?? "") |\n"
        }
        for severity in Severity.allCases.reversed() {
            let changes = report.changes.filter { $0.severity == severity }
            guard !changes.isEmpty else { continue }
            let open = severity == .critical ? " open" : ""
            out +=
                "\n<details\(open)><summary>\(severity.icon) \(changes.count) \(severity.rawValue) schema change\(changes.count == 1 ? "" : "s")</summary>\n\n"
            out += "| Object | Change | \(escape(source)) | \(escape(target)) |\n|---|---|---|---|\n"
            for change in changes { out += row(change, source: source, target: target) }
            out += "\n</details>\n"
        }
        if !report.advisories.isEmpty {
            out += "\n### Advisor findings that differ\n\n| | Lint | Object | Detail |\n|---|---|---|---|\n"
            for a in report.advisories {
                let side = a.inTarget ? "new in \(escape(target))" : "gone in \(escape(target))"
                out +=
                    "| \(a.severity.icon) \(side) | `\(a.finding.lint)` | `\(code(a.finding.object))` | \(escape(a.finding.detail)) |\n"
            }
        }
        let notCompared = [report.source, report.target].filter { !$0.notCompared.isEmpty }
        if !notCompared.isEmpty {
            out +=
                "\n_Not compared: "
                + notCompared.map { "\(escape($0.label)): \(describeNotCompared($0.notCompared))" }.joined(separator: "; ")
                + "._\n"
        }
        for sentence in [report.source, report.target].compactMap(\.notRecordedSentence) {
            out += "\n_Not recorded: \(escape(sentence))._\n"
        }
        if let diagram = report.diagram {
            out += "\n### Tables affected\n\n```mermaid\n\(diagram)\n```\n"
        }
        out += "\n### Recommendations\n\n"
        for line in report.recommendations { out += "- \(escape(line))\n" }
        return out
    }

    private static func dependents(_ c: Change, _ target: String) -> String {
        describeDependents(c, in: target).map { "<br>" + escape($0) } ?? ""
    }

    private static func row(_ c: Change, source: String, target: String) -> String {
        let object = "\(c.noun) `\(code(c.path))`"
        switch c.kind {
        case .missingInTarget, .onlyInTarget:
            let what = c.kind == .missingInTarget ? "missing in \(escape(target))" : "only in \(escape(target))"
            let contents = c.contents.isEmpty ? "" : " (with \(describeContents(c.contents)))"
            let (a, b) = c.kind == .missingInTarget ? ("present", "—") : ("—", "present")
            return "| \(object) | \(what)\(contents)\(dependents(c, target)) | \(a) | \(b) |\n"
        case .changed:
            return "| \(object) | `\(c.attribute ?? "")` differs\(dependents(c, target)) | \(value(c.sourceValue)) | "
                + "\(value(c.targetValue)) |\n"
        }
    }

    private static func value(_ v: String?) -> String {
        guard let v else { return "_(none)_" }
        return "<code>" + escapeHTML(v).replacingOccurrences(of: "\n", with: "<br>") + "</code>"
    }

    private static func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "&#124;")
    }
}

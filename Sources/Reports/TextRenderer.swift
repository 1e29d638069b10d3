import CatalogModel
import Differ
import Foundation

/// Renders a drift report for a terminal or a log: header box, summary per severity,
/// findings grouped by what happened and by object, what was not compared, recommendations.
struct TextRenderer {
    var style: TextStyle

    func render(_ report: DiffReport) -> String {
        let source = report.source.label
        let target = report.target.label
        let rule = String(repeating: "━", count: 64)
        var out = "\(rule)\n  \(style.bold("Schema Drift Report: \(source) → \(target)"))\n\(rule)\n"
        let width = max(source.count, target.count)
        for (role, side) in [("source", report.source), ("target", report.target)] {
            out +=
                "  \(role)  \(side.label.padding(toLength: width, withPad: " ", startingAt: 0))  "
                + "captured \(displayTime(side.capturedAt))  fingerprint \(side.shortFingerprint)\n"
        }
        out += "\nSummary:\n"
        let counts = report.counts
        for severity in Severity.allCases.reversed() {
            out +=
                "  \(style.badge(severity))  \(counts[severity] ?? 0)\(report.countSplit(severity).map { "  (\($0))" } ?? "")\n"
        }
        let sections: [(Change.Kind, String)] = [
            (.missingInTarget, "Missing in \(target)"), (.onlyInTarget, "Only in \(target)"), (.changed, "Changed"),
        ]
        for (kind, title) in sections {
            let changes = report.changes.filter { $0.kind == kind }
            guard !changes.isEmpty else { continue }
            out += "\n\(title):\n"
            out +=
                kind == .changed
                ? renderChanged(changes, source: source, target: target) : renderPresence(changes, kind, source, target)
        }
        for inTarget in [true, false] {
            let advisories = report.advisories.filter { $0.inTarget == inTarget }
            guard !advisories.isEmpty else { continue }
            out +=
                inTarget
                ? "\nAdvisor findings \(target) has that \(source) does not:\n"
                : "\nAdvisor findings \(source) has that \(target) does not:\n"
            for advisory in advisories {
                let f = advisory.finding
                out += "\n  \(style.badge(advisory.severity))  \(f.lint) (\(f.category.rawValue)) \(f.object)\n"
                out += "            \(style.iconIndent)\(f.detail)\n"
            }
        }
        let notCompared = [report.source, report.target].filter { !$0.notCompared.isEmpty }
        if !notCompared.isEmpty {
            out +=
                "\nNot compared: "
                + notCompared.map { "\($0.label): \(describeNotCompared($0.notCompared))" }.joined(separator: "; ") + "\n"
        }
        for sentence in [report.source, report.target].compactMap(\.notRecordedSentence) {
            out += "\nNot recorded: \(sentence)\n"
        }
        out += "\nRecommendations:\n"
        for line in report.recommendations { out += "  • \(line)\n" }
        return out
    }

    private func renderPresence(_ changes: [Change], _ kind: Change.Kind, _ source: String, _ target: String) -> String {
        var out = ""
        for change in changes {
            out += "\n  \(style.badge(change.severity))  \(change.noun) \(change.path)\n"
            var detail = kind == .missingInTarget ? "in \(source), not in \(target)" : "in \(target), not in \(source)"
            if !change.contents.isEmpty { detail += " (with \(describeContents(change.contents)))" }
            out += "            \(style.iconIndent)\(detail)\n"
            if let dependents = describeDependents(change, in: target) {
                out += "            \(style.iconIndent)\(dependents)\n"
            }
        }
        return out
    }

    /// Changed attributes grouped under their object, objects in report order.
    private func renderChanged(_ changes: [Change], source: String, target: String) -> String {
        var out = ""
        var lastPath: String?
        let width = max(source.count, target.count) + 1
        for change in changes {
            if change.path != lastPath {
                out += "\n  \(change.noun) \(change.path)\n"
                lastPath = change.path
            }
            let attribute = change.attribute ?? ""
            let a = change.sourceValue ?? "(none)"
            let b = change.targetValue ?? "(none)"
            if a.contains("\n") || b.contains("\n") || a.count + b.count > 60 {
                out += "    \(style.badge(change.severity))  \(attribute) differs\n"
                out += block((source + ":").padding(toLength: width, withPad: " ", startingAt: 0), a)
                out += block((target + ":").padding(toLength: width, withPad: " ", startingAt: 0), b)
            } else {
                out += "    \(style.badge(change.severity))  \(attribute): \(a) → \(b)\n"
            }
            if let dependents = describeDependents(change, in: target) {
                out += "              \(style.iconIndent)\(dependents)\n"
            }
        }
        return out
    }

    private func block(_ label: String, _ value: String) -> String {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        var out = "              \(style.iconIndent)\(label) \(lines.first ?? "")\n"
        let indent = String(repeating: " ", count: 15 + label.count) + style.iconIndent
        for line in lines.dropFirst() { out += indent + line + "\n" }
        return out
    }
}

/// `2026-11-20 02:00 UTC`: how reports print a capture time.
public func displayTime(_ date: Date) -> String { utcString(date, format: "yyyy-MM-dd HH:mm 'UTC'") }

/// `date` in UTC as `format` (a `DateFormatter` pattern) writes it.
func utcString(_ date: Date, format: String) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = format
    return f.string(from: date)
}

import Advisors
import CatalogModel
import Differ
import Foundation

/// Renders a drift report as JSON, schema documented in docs/json-report.md. Only findings
/// carry a `severity` key; summaries use `counts` and `max_level`. Keys are sorted, so the
/// output is byte-stable for equal reports.
enum JSONRenderer {
    /// The version of the JSON layout; bumped on incompatible changes.
    static let schemaVersion = 1

    static func render(_ report: DiffReport) -> String {
        let document = Document(
            schemaVersion: schemaVersion, report: "diff",
            source: Side(report.source), target: Side(report.target),
            counts: Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) }),
            maxLevel: report.maxSeverity?.rawValue,
            findings: report.changes.map(Finding.init),
            advisorFindings: report.advisories.map(AdvisorEntry.init),
            recommendations: report.recommendations)
        return reportJSON(document)
    }

    private struct Document: Encodable {
        var schemaVersion: Int
        var report: String
        var source: Side
        var target: Side
        var counts: [String: Int]
        var maxLevel: String?
        var findings: [Finding]
        var advisorFindings: [AdvisorEntry]
        var recommendations: [String]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(schemaVersion, forKey: .schemaVersion)
            try c.encode(report, forKey: .report)
            try c.encode(source, forKey: .source)
            try c.encode(target, forKey: .target)
            try c.encode(counts, forKey: .counts)
            try c.encode(maxLevel, forKey: .maxLevel)  // null when there is no finding
            try c.encode(findings, forKey: .findings)
            try c.encode(advisorFindings, forKey: .advisorFindings)
            try c.encode(recommendations, forKey: .recommendations)
        }

        enum CodingKeys: String, CodingKey {
            case schemaVersion, report, source, target, counts, maxLevel, findings, advisorFindings, recommendations
        }
    }

    private struct Side: Encodable {
        var environment: String
        var label: String
        var capturedAt: Date
        var fingerprint: String
        var notCompared: [String: Int]
        var formatVersion: Int
        var notRecorded: [String]

        init(_ s: SnapshotSummary) {
            environment = s.environment
            label = s.label
            capturedAt = s.capturedAt
            fingerprint = s.fingerprint
            notCompared = s.notCompared
            formatVersion = s.formatVersion
            notRecorded = s.notRecorded
        }
    }

    /// An advisor finding one side has and the other lacks; it is a finding, so it has a severity.
    private struct AdvisorEntry: Encodable {
        var severity: String
        var change: String
        var lint: String
        var level: String
        var category: String
        var object: String
        var detail: String

        init(_ a: AdvisoryChange) {
            severity = a.severity.rawValue
            change = a.inTarget ? "only_in_target" : "missing_in_target"
            lint = a.finding.lint
            level = a.finding.level.rawValue
            category = a.finding.category.rawValue
            object = a.finding.object
            detail = a.finding.detail
        }
    }

    private struct Finding: Encodable {
        var severity: String
        var change: String
        var objectKind: String
        var noun: String
        var object: String
        var key: [String]
        var attribute: String?
        var sourceValue: String?
        var targetValue: String?
        var contents: [String: Int]?
        var dependents: [String]?

        init(_ c: Change) {
            severity = c.severity.rawValue
            change = c.kind.rawValue
            objectKind = c.objectKind.rawValue
            noun = c.noun
            object = c.path
            key = c.key
            attribute = c.attribute
            sourceValue = c.sourceValue
            targetValue = c.targetValue
            contents = c.contents.isEmpty ? nil : Dictionary(uniqueKeysWithValues: c.contents.map { ($0.key.rawValue, $0.value) })
            dependents = c.dependents.isEmpty ? nil : c.dependents
        }
    }
}

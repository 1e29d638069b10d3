import Advisors
import CatalogModel
import Differ
import Foundation

/// One side of a report: which snapshot it was.
public struct SnapshotSummary: Sendable, Hashable {
    public var environment: String
    public var capturedAt: Date
    public var fingerprint: String
    public var path: String
    /// Objects of kinds not compared, e.g. `["operators": 1]`.
    public var notCompared: [String: Int]
    /// The snapshot's format version.
    public var formatVersion: Int
    /// What the snapshot's format did not record, so was not compared, e.g.
    /// `["dependencies", "indexes.comment"]` (`Unrecorded.names`); empty for the current format.
    public var notRecorded: [String]

    /// How reports name this side: the environment, or where both sides are one environment,
    /// the environment at its capture time to the second (`dev@2026-12-01T07:41:52Z`).
    public var label: String

    public init(
        environment: String, capturedAt: Date, fingerprint: String, path: String, notCompared: [String: Int],
        formatVersion: Int = 0, notRecorded: [String] = []
    ) {
        self.label = environment
        self.environment = environment
        self.capturedAt = capturedAt
        self.fingerprint = fingerprint
        self.path = path
        self.notCompared = notCompared
        self.formatVersion = formatVersion
        self.notRecorded = notRecorded
    }

    /// `staging's format-1 snapshot did not record dependencies, indexes.comment; they were
    /// not compared`, or nil when it recorded everything.
    public var notRecordedSentence: String? {
        guard !notRecorded.isEmpty else { return nil }
        return "\(label)'s format-\(formatVersion) snapshot did not record \(notRecorded.joined(separator: ", ")); "
            + "\(notRecorded.count == 1 ? "it was" : "they were") not compared"
    }

    /// The first 12 hex digits of the fingerprint, as reports print it.
    public var shortFingerprint: String { String(fingerprint.prefix(12)) }
}

/// Everything a drift report shows: both snapshots, the changes, a diagram of the affected
/// tables and what to do next. Renderers turn it into text, JSON or Markdown.
public struct DiffReport: Sendable {
    public var source: SnapshotSummary
    public var target: SnapshotSummary
    public var changes: [Change]
    /// Advisor findings one side has and the other lacks.
    public var advisories: [AdvisoryChange]
    /// Mermaid ER diagram of the tables whose columns or foreign keys changed, if any.
    public var diagram: String?
    public var recommendations: [String]

    public init(
        source: SnapshotSummary, target: SnapshotSummary, changes: [Change], advisories: [AdvisoryChange] = [],
        diagram: String?, recommendations: [String]
    ) {
        self.source = source
        self.target = target
        self.changes = changes
        self.advisories = advisories
        self.diagram = diagram
        self.recommendations = recommendations
    }

    /// Findings per severity (schema changes and advisor changes), every severity present.
    public var counts: [Severity: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for change in changes { counts[change.severity, default: 0] += 1 }
        for advisory in advisories { counts[advisory.severity, default: 0] += 1 }
        return counts
    }

    /// `1 schema change, 1 advisor finding`: what a severity's count is made of, when advisor
    /// findings are part of it; nil otherwise. Every format counts the same way: schema
    /// changes plus advisor findings that differ.
    public func countSplit(_ severity: Severity) -> String? {
        let advisor = advisories.filter { $0.severity == severity }.count
        guard advisor > 0 else { return nil }
        let schema = changes.filter { $0.severity == severity }.count
        return "\(schema) schema change\(schema == 1 ? "" : "s"), \(advisor) advisor finding\(advisor == 1 ? "" : "s")"
    }

    /// The highest severity found, or nil without findings.
    public var maxSeverity: Severity? { (changes.map(\.severity) + advisories.map(\.severity)).max() }

    /// Builds the report for `changes` between two catalogs, with recommendations and, when
    /// `withDiagram` (only the Markdown report shows it), the diagram of affected tables.
    public static func make(
        source: SnapshotSummary, target: SnapshotSummary, sourceCatalog: Catalog, targetCatalog: Catalog, changes: [Change],
        advisories: [AdvisoryChange] = [], withDiagram: Bool = true
    ) -> DiffReport {
        var (source, target) = (source, target)
        if source.environment == target.environment {
            // One environment at two times: each side is named by its time, or its file.
            source.label = source.environment + "@" + iso8601Seconds(source.capturedAt)
            target.label = target.environment + "@" + iso8601Seconds(target.capturedAt)
            if source.label == target.label {
                source.label = URL(fileURLWithPath: source.path).lastPathComponent
                target.label = URL(fileURLWithPath: target.path).lastPathComponent
            }
        }
        let affected = withDiagram ? ERDiagram.affectedTables(changes, source: sourceCatalog, target: targetCatalog) : []
        let diagram =
            affected.isEmpty ? nil : ERDiagram.render(tables: affected, preferred: sourceCatalog, fallback: targetCatalog)
        return DiffReport(
            source: source, target: target, changes: changes, advisories: advisories, diagram: diagram,
            recommendations: Recommendations.make(changes, source: source.label, target: target.label))
    }
}

/// `2026-12-01T07:41:52Z`.
func iso8601Seconds(_ date: Date) -> String { utcString(date, format: "yyyy-MM-dd'T'HH:mm:ss'Z'") }

/// "3 columns, 1 policy", kinds in their canonical order.
/// `depended on in production by view public.v, policy public.t:p (+3 more)`: the dependents
/// of a finding, at most five named; nil without any.
func describeDependents(_ change: Change, in target: String) -> String? {
    guard !change.dependents.isEmpty else { return nil }
    let named = change.dependents.prefix(5).joined(separator: ", ")
    let more = change.dependents.count > 5 ? " (+\(change.dependents.count - 5) more)" : ""
    return "depended on in \(target) by \(named)\(more)"
}

func describeContents(_ contents: [ObjectKind: Int]) -> String {
    contents.sorted { $0.key < $1.key }.map { kind, n in "\(n) \(n == 1 ? kind.rawValue : kind.plural)" }
        .joined(separator: ", ")
}

/// `3 operators, 1 cast` for the "not compared" line.
public func describeNotCompared(_ counts: [String: Int]) -> String {
    counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.value == 1 ? singular($0.key) : $0.key)" }
        .joined(separator: ", ")
}

private func singular(_ plural: String) -> String {
    plural == "extended statistics" ? plural : (plural.hasSuffix("s") ? String(plural.dropLast()) : plural)
}

/// An advisor finding that one snapshot has and the other lacks. A new SECURITY finding in
/// the target is CRITICAL, a new PERFORMANCE one a WARNING; one the target no longer has is INFO.
public struct AdvisoryChange: Hashable, Sendable {
    public var finding: AdvisorFinding
    /// True when the target has it and the source lacks it.
    public var inTarget: Bool

    public init(finding: AdvisorFinding, inTarget: Bool) {
        self.finding = finding
        self.inTarget = inTarget
    }

    /// How much the change matters in a drift report: a security finding new in the target is
    /// CRITICAL, another new one WARNING, one the target no longer has INFO.
    public var severity: Severity {
        guard inTarget else { return .info }
        return finding.category == .security ? .critical : .warning
    }

    /// The findings (not excused) each side has that the other lacks, matched by lint and object.
    public static func between(source: [AdvisorFinding], target: [AdvisorFinding]) -> [AdvisoryChange] {
        struct Key: Hashable {
            let lint: String
            let object: String
        }
        let key: (AdvisorFinding) -> Key = { Key(lint: $0.lint, object: $0.object) }
        let sourceKeys = Set(source.lazy.filter { $0.excuse == nil }.map(key))
        let targetKeys = Set(target.lazy.filter { $0.excuse == nil }.map(key))
        return target.filter { $0.excuse == nil && !sourceKeys.contains(key($0)) }.map {
            AdvisoryChange(finding: $0, inTarget: true)
        }
            + source.filter { $0.excuse == nil && !targetKeys.contains(key($0)) }.map {
                AdvisoryChange(finding: $0, inTarget: false)
            }
    }
}

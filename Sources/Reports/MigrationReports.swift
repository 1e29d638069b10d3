import CatalogModel
import Foundation
import Migrations

/// The status of one environment's migrations, as `schemasnap status` reports it.
public struct StatusReport: Sendable {
    public var environment: String
    public var snapshot: SnapshotSummary
    /// Seconds between the capture and the report.
    public var ageSeconds: TimeInterval
    public var states: [MigrationState]
    public var ignoredFiles: [String]

    public init(
        environment: String, snapshot: SnapshotSummary, ageSeconds: TimeInterval, states: [MigrationState], ignoredFiles: [String]
    ) {
        self.environment = environment
        self.snapshot = snapshot
        self.ageSeconds = ageSeconds
        self.states = states
        self.ignoredFiles = ignoredFiles
    }

    var counts: [(String, Int)] {
        [
            ("applied", states.filter { $0.status == .applied }.count),
            ("pending", states.filter { $0.status == .pending }.count),
            ("unknown", states.filter { $0.status == .unknown }.count),
            ("modified", states.filter(\.modified).count),
            ("out_of_order", states.filter(\.outOfOrder).count),
        ]
    }
}

/// A plan with the snapshot it was made from, as `schemasnap plan` reports it.
public struct PlanReport: Sendable {
    public var plan: MigrationPlan
    public var snapshot: SnapshotSummary

    public init(plan: MigrationPlan, snapshot: SnapshotSummary) {
        self.plan = plan
        self.snapshot = snapshot
    }
}

/// Renders `status`, `plan` and `lint` reports in text, JSON or Markdown.
enum MigrationReportRenderer {
    // MARK: status

    static func render(_ reports: [StatusReport], format: ReportFormat, style: TextStyle) -> String {
        switch format {
        case .text: return reports.map { statusText($0, style) }.joined(separator: "\n")
        case .json:
            return reportJSON(
                StatusDocument(schemaVersion: 1, report: "status", environments: reports.map(StatusDocument.Environment.init)))
        case .markdown: return reports.map(statusMarkdown).joined(separator: "\n")
        }
    }

    private static func icon(_ state: MigrationState, _ style: TextStyle) -> String {
        let (emoji, word): (String, String) =
            switch state.status {
            case .applied: ("✅", "applied")
            case .pending: ("⏳", "pending")
            case .unknown: ("❌", "unknown")
            }
        return style.icons ? "\(emoji) \(word)" : word
    }

    private static func flags(_ state: MigrationState) -> String {
        [state.modified ? "modified since applied" : nil, state.outOfOrder ? "out of order" : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }

    private static func statusText(_ r: StatusReport, _ style: TextStyle) -> String {
        let rule = String(repeating: "━", count: 64)
        var out = "\(rule)\n  \(style.bold("Migration status: \(r.environment)"))\n\(rule)\n"
        out +=
            "  snapshot \(displayTime(r.snapshot.capturedAt)) (\(age(r.ageSeconds)) old), fingerprint \(r.snapshot.shortFingerprint)\n\n"
        out += "Summary:\n"
        for (name, count) in r.counts { out += "  \(name.replacingOccurrences(of: "_", with: " ")): \(count)\n" }
        out += "\nMigrations:\n\n"
        let statusWidth = style.icons ? 10 : 8
        out += "  " + "Status".padding(toLength: statusWidth, withPad: " ", startingAt: 0) + "  Timestamp            Migration\n"
        out +=
            "  " + String(repeating: "─", count: statusWidth) + "  ───────────────────  " + String(repeating: "─", count: 30)
            + "\n"
        for state in r.states {
            let status = icon(state, style).padding(toLength: statusWidth, withPad: " ", startingAt: 0)
            let extra = flags(state)
            out +=
                "  \(status)  \(state.timestamp.padding(toLength: 19, withPad: " ", startingAt: 0))  \(state.name)"
                + (extra.isEmpty ? "" : "  (\(extra))") + "\n"
        }
        for file in r.ignoredFiles {
            out += "\n  ignored: \(file) is not named <version>_<name>.sql, so no runner applies it\n"
        }
        return out
    }

    private static func statusMarkdown(_ r: StatusReport) -> String {
        var out = "## Migration status: \(r.environment)\n\n"
        out +=
            "Snapshot \(displayTime(r.snapshot.capturedAt)) (\(age(r.ageSeconds)) old), fingerprint `\(r.snapshot.shortFingerprint)`.\n\n"
        out += r.counts.map { "\($0.0.replacingOccurrences(of: "_", with: " ")): **\($0.1)**" }.joined(separator: " · ") + "\n\n"
        out += "| Status | Timestamp | Migration | Notes |\n|---|---|---|---|\n"
        for state in r.states {
            out += "| \(icon(state, .terminal)) | \(state.timestamp) | `\(state.name)` | \(flags(state)) |\n"
        }
        for file in r.ignoredFiles { out += "\n_Ignored: `\(file)` is not named `<version>_<name>.sql`._\n" }
        return out
    }

    // MARK: plan

    static func render(_ report: PlanReport, format: ReportFormat, style: TextStyle) -> String {
        switch format {
        case .text: return planText(report, style)
        case .json: return PlanDocument(report).json
        case .markdown: return planMarkdown(report)
        }
    }

    /// The plan file `plan --out` writes and `apply --plan` reads.

    private static func planText(_ r: PlanReport, _ style: TextStyle) -> String {
        let p = r.plan
        let rule = String(repeating: "━", count: 64)
        let goal = p.reference.map { "what \($0) has applied" } ?? "the migrations folder"
        var out = "\(rule)\n  \(style.bold("Migration plan: \(p.environment) → \(goal)"))\n\(rule)\n"
        out +=
            "  made from the \(p.environment) snapshot of \(displayTime(r.snapshot.capturedAt)), fingerprint \(r.snapshot.shortFingerprint)\n\n"
        if p.steps.isEmpty {
            out += "Nothing to apply: \(p.environment) is up to date with \(goal).\n"
        } else {
            out += "Apply in this order:\n"
            for (n, step) in p.steps.enumerated() {
                out += "\n  \(n + 1). \(step.version)_\(step.name)\n"
                if step.hazards.isEmpty { out += "     no hazards found\n" }
                for hazard in step.hazards {
                    out += "     \(style.badge(hazard.severity))  line \(hazard.line): \(hazard.reason)\n"
                }
            }
        }
        if !p.outOfOrder.isEmpty {
            out += "\nOut of order (older than the newest applied migration): \(p.outOfOrder.joined(separator: ", "))\n"
        }
        if !p.unknown.isEmpty {
            out += "\nApplied in \(p.environment) but not in the folder: \(p.unknown.joined(separator: ", "))\n"
        }
        if !p.missingFiles.isEmpty {
            out +=
                "\nApplied in \(p.reference ?? "the reference") but no file in the folder (cannot be planned): "
                + p.missingFiles.joined(separator: ", ") + "\n"
        }
        return out
    }

    private static func planMarkdown(_ r: PlanReport) -> String {
        let p = r.plan
        var out = "## Migration plan: \(p.environment)\n\n"
        out +=
            "Made from the snapshot of \(displayTime(r.snapshot.capturedAt)), fingerprint `\(r.snapshot.shortFingerprint)`.\n\n"
        if p.steps.isEmpty { out += "Nothing to apply.\n" }
        for (n, step) in p.steps.enumerated() {
            out += "\(n + 1). `\(step.version)_\(step.name)`"
            out += step.hazards.isEmpty ? " — no hazards found\n" : "\n"
            for hazard in step.hazards {
                out += "   - \(hazard.severity.icon) **\(hazard.severity.label)** line \(hazard.line): \(hazard.reason)\n"
            }
        }
        if !p.outOfOrder.isEmpty { out += "\n**Out of order:** \(p.outOfOrder.joined(separator: ", "))\n" }
        if !p.unknown.isEmpty { out += "\n**Applied but not in the folder:** \(p.unknown.joined(separator: ", "))\n" }
        if !p.missingFiles.isEmpty { out += "\n**No file for:** \(p.missingFiles.joined(separator: ", "))\n" }
        return out
    }

    // MARK: lint

    static func renderLint(_ results: [(file: String, hazards: [Hazard])], format: ReportFormat, style: TextStyle)
        -> String
    {
        switch format {
        case .json:
            return reportJSON(
                LintDocument(
                    schemaVersion: 1, report: "lint",
                    files: results.map {
                        LintDocument.File(path: $0.file, hazards: $0.hazards.map(HazardEntry.init))
                    }))
        case .markdown:
            var out = "## Migration lint\n\n| File | Line | Severity | Hazard |\n|---|---:|---|---|\n"
            for (file, hazards) in results {
                for h in hazards { out += "| `\(file)` | \(h.line) | \(h.severity.icon) \(h.severity.label) | \(h.reason) |\n" }
            }
            if results.allSatisfy(\.hazards.isEmpty) { out += "\nNo hazards found.\n" }
            return out
        case .text:
            var out = ""
            for (file, hazards) in results {
                out +=
                    "\(file): "
                    + (hazards.isEmpty ? "no hazards found\n" : "\(hazards.count) hazard\(hazards.count == 1 ? "" : "s")\n")
                for h in hazards {
                    out += "  \(style.badge(h.severity))  line \(h.line) [\(h.code)] \(h.reason)\n      \(h.statement)\n"
                }
            }
            return out
        }
    }

    // MARK: JSON documents

    struct HazardEntry: Codable, Sendable {
        var code: String
        var level: String
        var line: Int
        var reason: String
        var statement: String

        init(_ h: Hazard) {
            code = h.code
            level = h.severity.rawValue
            line = h.line
            reason = h.reason
            statement = h.statement
        }
    }

    private struct StatusDocument: Encodable {
        var schemaVersion: Int
        var report: String
        var environments: [Environment]

        struct Environment: Encodable {
            var environment: String
            var snapshotCapturedAt: Date
            var snapshotFingerprint: String
            var snapshotAgeSeconds: Int
            var counts: [String: Int]
            var migrations: [Entry]
            var ignoredFiles: [String]

            init(_ r: StatusReport) {
                environment = r.environment
                snapshotCapturedAt = r.snapshot.capturedAt
                snapshotFingerprint = r.snapshot.fingerprint
                snapshotAgeSeconds = Int(r.ageSeconds)
                counts = Dictionary(uniqueKeysWithValues: r.counts)
                migrations = r.states.map(Entry.init)
                ignoredFiles = r.ignoredFiles
            }
        }

        struct Entry: Encodable {
            var version: String
            var name: String
            var status: String
            var modified: Bool
            var outOfOrder: Bool

            init(_ s: MigrationState) {
                version = s.version
                name = s.name
                status = s.status.rawValue
                modified = s.modified
                outOfOrder = s.outOfOrder
            }
        }
    }

    private struct LintDocument: Encodable {
        var schemaVersion: Int
        var report: String
        var files: [File]

        struct File: Encodable {
            var path: String
            var hazards: [HazardEntry]
        }
    }
}

/// `3 days`, `5 hours`, `12 minutes`.
func age(_ seconds: TimeInterval) -> String {
    let s = max(0, Int(seconds))
    if s >= 86_400 { return plural(s / 86_400, "day") }
    if s >= 3_600 { return plural(s / 3_600, "hour") }
    return plural(max(1, s / 60), "minute")
}

private func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }

/// The plan file `plan --out` writes and `apply --plan` reads back: the one type for both,
/// documented in docs/plan-format.md.
public struct PlanDocument: Codable, Sendable {
    public var schemaVersion: Int
    public var report: String
    public var environment: String
    public var reference: String?
    public var snapshotCapturedAt: Date
    /// The fingerprint of the snapshot the plan was made against: `apply` refuses when the
    /// live schema's differs.
    public var snapshotFingerprint: String
    public var steps: [Step]
    public var outOfOrder: [String]
    public var unknown: [String]
    public var missingFiles: [String]

    public struct Step: Codable, Sendable {
        public var version: String
        public var name: String
        public var file: String
        /// SHA-256 of the migration file as planned: `apply` refuses a file changed since.
        public var checksum: String
        var hazards: [MigrationReportRenderer.HazardEntry]
    }

    /// The plan document of `r`.
    public init(_ r: PlanReport) {
        schemaVersion = 1
        report = "plan"
        environment = r.plan.environment
        reference = r.plan.reference
        snapshotCapturedAt = r.snapshot.capturedAt
        snapshotFingerprint = r.snapshot.fingerprint
        steps = r.plan.steps.map {
            Step(
                version: $0.version, name: $0.name, file: URL(fileURLWithPath: $0.path).lastPathComponent,
                checksum: $0.checksum, hazards: $0.hazards.map(MigrationReportRenderer.HazardEntry.init))
        }
        outOfOrder = r.plan.outOfOrder
        unknown = r.plan.unknown
        missingFiles = r.plan.missingFiles
    }

    /// The document as the plan file holds it.
    public var json: String { reportJSON(self) }

    /// The plan file at `path`. Throws when it cannot be read or is not a plan document.
    public static func read(_ path: String) throws -> PlanDocument {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PlanDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

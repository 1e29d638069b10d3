import Migrations
import SnapshotStore

/// A report a command prints: a value a workflow returns, rendered here in each format it
/// supports. The CLI picks the format, renders and writes the result; nothing else prints.
public protocol Report: Sendable {
    /// The formats it renders in.
    static var formats: [ReportFormat] { get }
    /// The report in `format`, one of `formats`; `style` decides icons and colour in text.
    func render(_ format: ReportFormat, style: TextStyle) -> String
}

extension DiffReport: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        switch format {
        case .text: TextRenderer(style: style).render(self)
        case .json: JSONRenderer.render(self)
        case .markdown: MarkdownRenderer.render(self)
        }
    }
}

/// `schemasnap status`: the migration status of each environment asked about.
public struct StatusReports: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]
    public var environments: [StatusReport]

    public init(_ environments: [StatusReport]) { self.environments = environments }

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        MigrationReportRenderer.render(environments, format: format, style: style)
    }
}

extension PlanReport: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        MigrationReportRenderer.render(self, format: format, style: style)
    }
}

/// `schemasnap lint`: the hazards of each migration file read.
public struct LintReport: Report {
    public static let formats: [ReportFormat] = [.text, .json, .markdown]
    public var files: [(file: String, hazards: [Hazard])]

    public init(_ files: [(file: String, hazards: [Hazard])]) { self.files = files }

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        MigrationReportRenderer.renderLint(files, format: format, style: style)
    }
}

extension DependentsReport: Report {
    public static let formats: [ReportFormat] = [.text]

    public func render(_ format: ReportFormat, style: TextStyle) -> String { renderText() }
}

/// `schemasnap show`: a snapshot's objects as canonical text, under a header naming the
/// snapshot, or one relation with what is attached to it.
public struct SnapshotListing: Report {
    public static let formats: [ReportFormat] = [.text]
    public var meta: SnapshotMeta
    /// The canonical text of what is listed.
    public var text: String
    /// The relation listed, when only one is (`show --object`).
    public var object: String?

    public init(meta: SnapshotMeta, text: String, object: String? = nil) {
        self.meta = meta
        self.text = text
        self.object = object
    }

    public func render(_ format: ReportFormat, style: TextStyle) -> String {
        let captured = displayTime(meta.capturedAt)
        if let object {
            return "# \(object) in \(meta.environment) captured \(captured), with what is attached to it\n" + text
        }
        return "# schemasnap snapshot format \(meta.formatVersion): \(meta.environment) captured \(captured)\n"
            + "# server \(meta.serverVersion), database \(meta.database), fingerprint \(meta.fingerprint)\n" + text
    }
}

import CatalogModel

/// The output formats of reports.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// How text output is decorated: icons and colour only on a terminal without `NO_COLOR`.
public struct TextStyle: Sendable {
    public var color: Bool
    public var icons: Bool

    public init(color: Bool, icons: Bool) {
        self.color = color
        self.icons = icons
    }

    /// Plain text: no colour, no icons (pipes, files, CI logs, golden files).
    public static let plain = TextStyle(color: false, icons: false)
    /// A terminal: colour and icons.
    public static let terminal = TextStyle(color: true, icons: true)
}

import CatalogModel
import Differ

/// The words, icons and colours of severities, shared by every renderer.
extension Severity {
    /// 🔴, 🟡 or 🔵.
    public var icon: String {
        switch self {
        case .critical: "🔴"
        case .warning: "🟡"
        case .info: "🔵"
        }
    }

    /// CRITICAL, WARNING or INFO.
    public var label: String { rawValue.uppercased() }

    /// Critical, Warning or Info.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    var ansiColor: String {
        switch self {
        case .critical: "\u{1B}[31m"
        case .warning: "\u{1B}[33m"
        case .info: "\u{1B}[34m"
        }
    }
}

extension TextStyle {
    /// `CRITICAL` padded, with icon and colour when the style allows.
    func badge(_ severity: Severity) -> String {
        let word = severity.label.padding(toLength: 8, withPad: " ", startingAt: 0)
        let text = icons ? "\(severity.icon) \(word)" : word
        return color ? "\(severity.ansiColor)\(text)\u{1B}[0m" : text
    }

    /// The columns a badge's icon takes (the icon is two columns wide on a terminal, and a
    /// space follows it): continuation lines under a badge add this much indent to line up.
    var iconIndent: String { icons ? "   " : "" }

    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}

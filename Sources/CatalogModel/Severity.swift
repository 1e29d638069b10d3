/// How much a difference matters, from least to most.
public enum Severity: String, Comparable, CaseIterable, Codable, Sendable {
    /// Comments, owners, column order.
    case info
    /// Differences that may matter: indexes, constraints, defaults, extra objects…
    case warning
    /// Security holes and runtime errors: missing tables, columns, functions, policies,
    /// changed column types, RLS switched off.
    case critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

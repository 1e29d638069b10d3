import CatalogModel

/// A statement in a migration that can lose data, lock a table for long, break clients or
/// open a security hole.
public struct Hazard: Hashable, Sendable {
    /// A stable name, e.g. `drop_table`, `create_index_blocking`.
    public var code: String
    public var severity: Severity
    /// One line: what happens and why it matters.
    public var reason: String
    /// 1-based line of the statement in its file.
    public var line: Int
    /// The statement, first line only.
    public var statement: String

    public init(code: String, severity: Severity, reason: String, line: Int, statement: String) {
        self.code = code
        self.severity = severity
        self.reason = reason
        self.line = line
        self.statement = statement
    }
}

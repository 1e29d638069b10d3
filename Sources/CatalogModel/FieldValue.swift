/// The value of one field of a catalog object, as stored, printed and compared.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case bool(Bool)
    case integer(Int64)
    case list([String])

    /// The value as `show` and reports print it: lists as `[a, b]`, booleans as `true`/`false`.
    public var display: String {
        switch self {
        case .text(let s): s
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .list(let l): "[" + l.joined(separator: ", ") + "]"
        }
    }
}

/// A named field of a catalog object.
public struct Field: Hashable, Sendable {
    public var name: String
    public var value: FieldValue

    public init(name: String, value: FieldValue) {
        self.name = name
        self.value = value
    }
}

/// One field of a catalog object kind: its snapshot column name and value type.
///
/// Each kind lists its fields once (`CatalogObject.fieldSpecs`), key fields first, in the same
/// order as `fieldValues` and `init(fieldValues:)`. The snapshot store, `show`, the fingerprint
/// and the differ all work from that list, so a field added there is stored, printed and
/// compared everywhere.
public struct FieldSpec: Hashable, Sendable {
    /// The value type of a field, which fixes its SQLite column type.
    public enum ValueType: Hashable, Sendable { case text, integer, bool, list }

    /// The snake_case name: the snapshot column and the `show` label.
    public let name: String
    public let type: ValueType

    public init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }
}

/// Stored values of one object, in `fieldSpecs` order, with typed access for
/// `init(fieldValues:)`. A value of the wrong type reads as empty (and a damaged file is then
/// caught by its fingerprint).
public struct FieldValues {
    public var values: [FieldValue?]

    public init(_ values: [FieldValue?]) { self.values = values }

    public func text(_ i: Int) -> String { optionalText(i) ?? "" }
    public func optionalText(_ i: Int) -> String? {
        if case .text(let v)? = values[i] { return v }
        return nil
    }
    public func bool(_ i: Int) -> Bool { optionalBool(i) ?? false }
    public func optionalBool(_ i: Int) -> Bool? {
        if case .bool(let v)? = values[i] { return v }
        return nil
    }
    public func integer(_ i: Int) -> Int64 {
        if case .integer(let v)? = values[i] { return v }
        return 0
    }
    public func list(_ i: Int) -> [String] { optionalList(i) ?? [] }
    public func optionalList(_ i: Int) -> [String]? {
        if case .list(let v)? = values[i] { return v }
        return nil
    }
}

extension CatalogObject {
    /// The names of the key fields, in order.
    public static var keyFields: [String] { fieldSpecs.prefix(keyCount).map(\.name) }

    /// All present fields, key fields first, in `fieldSpecs` order.
    public var fields: [Field] {
        zip(Self.fieldSpecs, fieldValues).compactMap { spec, value in value.map { Field(name: spec.name, value: $0) } }
    }
}

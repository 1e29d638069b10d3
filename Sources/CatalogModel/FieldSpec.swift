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
    /// The snapshot format that first recorded the field: a file of an older format has no
    /// column for it (not recorded); a file of this format or later without one is damaged.
    public let since: Int

    public init(_ name: String, _ type: ValueType, since: Int = 1) {
        self.name = name
        self.type = type
        self.since = since
    }
}

/// Typed access to one object's stored values, in `fieldSpecs` order, for
/// `init(fieldValues:)`. A value of the wrong type reads as empty (and a damaged file is then
/// caught by its checksum).
public protocol FieldReader {
    func optionalText(_ i: Int) -> String?
    func optionalBool(_ i: Int) -> Bool?
    func integer(_ i: Int) -> Int64
    func optionalList(_ i: Int) -> [String]?
}

extension FieldReader {
    public func text(_ i: Int) -> String { optionalText(i) ?? "" }
    public func bool(_ i: Int) -> Bool { optionalBool(i) ?? false }
    public func list(_ i: Int) -> [String] { optionalList(i) ?? [] }
}

extension CatalogObject {
    /// The names of the key fields, in order.
    public static var keyFields: [String] { fieldSpecs.prefix(keyCount).map(\.name) }

    /// All present fields, key fields first, in `fieldSpecs` order.
    public var fields: [Field] {
        zip(Self.fieldSpecs, fieldValues).compactMap { spec, value in value.map { Field(name: spec.name, value: $0) } }
    }
}

/// One field of a catalog object kind as the snapshot stores it: its column name, value type,
/// whether it may be absent (NULL), and the format that first recorded it.
///
/// Derived from the kind's `fields` (`FieldDeclaration`), key fields first. The snapshot
/// store, `show`, the fingerprint and the differ all work from that list, so a field added
/// there is stored, printed and compared everywhere.
public struct FieldSpec: Hashable, Sendable {
    /// The value type of a field, which fixes its SQLite column type.
    public enum ValueType: Hashable, Sendable { case text, integer, bool, list }

    /// The snake_case name: the snapshot column, the `show` label and the column name the
    /// capture query gives it.
    public let name: String
    public let type: ValueType
    /// Whether the value may be absent (stored as NULL, left out of `show`).
    public let optional: Bool
    /// The snapshot format that first recorded the field: a file of an older format has no
    /// column for it (not recorded); a file of this format or later without one is damaged.
    public let since: Int

    public init(_ name: String, _ type: ValueType, optional: Bool = false, since: Int = 1) {
        self.name = name
        self.type = type
        self.optional = optional
        self.since = since
    }
}

/// One field of a kind, declared once: its snapshot column (`spec`) and the stored property it
/// reads and writes. Each kind lists them in `CatalogObject.fields`; the field values, the
/// initializer from stored values, the snapshot table and the row mapping by column name all
/// follow from that list. The value type and whether the field is optional come from the key
/// path's type.
public struct FieldDeclaration<Object>: @unchecked Sendable {
    public let spec: FieldSpec
    let value: (Object) -> FieldValue?
    let assign: (inout Object, any FieldReader, Int) -> Void

    private init<Value>(
        _ spec: FieldSpec, _ path: WritableKeyPath<Object, Value>, stored: @escaping (Value) -> FieldValue?,
        read: @escaping (any FieldReader, Int) -> Value
    ) {
        self.spec = spec
        // A key path applied at run time looks up generic metadata on every access (a tenth of
        // capture's time); a stored property's offset reads and writes the value in place.
        guard let offset = MemoryLayout<Object>.offset(of: path) else {
            value = { stored($0[keyPath: path]) }
            assign = { $0[keyPath: path] = read($1, $2) }
            return
        }
        value = { object in
            withUnsafePointer(to: object) { stored(UnsafeRawPointer($0).load(fromByteOffset: offset, as: Value.self)) }
        }
        assign = { object, reader, index in
            let newValue = read(reader, index)
            withUnsafeMutablePointer(to: &object) {
                (UnsafeMutableRawPointer($0) + offset).assumingMemoryBound(to: Value.self).pointee = newValue
            }
        }
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, String>, since: Int = 1) {
        self.init(FieldSpec(name, .text, since: since), path, stored: { .text($0) }, read: { $0.text($1) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, String?>, since: Int = 1) {
        self.init(
            FieldSpec(name, .text, optional: true, since: since), path, stored: { $0.map(FieldValue.text) },
            read: { $0.optionalText($1) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, Bool>, since: Int = 1) {
        self.init(FieldSpec(name, .bool, since: since), path, stored: { .bool($0) }, read: { $0.bool($1) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, Bool?>, since: Int = 1) {
        self.init(
            FieldSpec(name, .bool, optional: true, since: since), path, stored: { $0.map(FieldValue.bool) },
            read: { $0.optionalBool($1) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, Int64>, since: Int = 1) {
        self.init(FieldSpec(name, .integer, since: since), path, stored: { .integer($0) }, read: { $0.integer($1) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, Int>, since: Int = 1) {
        self.init(
            FieldSpec(name, .integer, since: since), path, stored: { .integer(Int64($0)) }, read: { Int($0.integer($1)) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, [String]>, since: Int = 1) {
        self.init(FieldSpec(name, .list, since: since), path, stored: { .list($0) }, read: { $0.list($1) })
    }

    public init(_ name: String, _ path: WritableKeyPath<Object, [String]?>, since: Int = 1) {
        self.init(
            FieldSpec(name, .list, optional: true, since: since), path, stored: { $0.map(FieldValue.list) },
            read: { $0.optionalList($1) })
    }
}

/// Typed access to one object's stored values, by field index (the kind's `fields` order),
/// for `init(fieldValues:)`. A value of the wrong type reads as empty (and a damaged file is
/// then caught by its checksum). A class, so that handing it to each field's setter passes a
/// reference, not a boxed copy.
public protocol FieldReader: AnyObject {
    func optionalText(_ i: Int) -> String?
    func optionalBool(_ i: Int) -> Bool?
    func integer(_ i: Int) -> Int64
    func optionalList(_ i: Int) -> [String]?
}

extension FieldReader {
    /// Field `i` as text; empty when not set.
    public func text(_ i: Int) -> String { optionalText(i) ?? "" }
    /// Field `i` as a boolean; false when not set.
    public func bool(_ i: Int) -> Bool { optionalBool(i) ?? false }
    /// Field `i` as a list; empty when not set.
    public func list(_ i: Int) -> [String] { optionalList(i) ?? [] }
}

extension CatalogObject {
    /// Every field's snapshot column, in `fields` order.
    public static var fieldSpecs: [FieldSpec] { fields.map(\.spec) }

    /// The names of the key fields, in order.
    public static var keyFields: [String] { fields.prefix(keyCount).map(\.spec.name) }

    /// The value of every field in `fields` order; nil where absent.
    public var fieldValues: [FieldValue?] {
        Self.fields.withUnsafeBufferPointer { fields in fields.map { $0.value(self) } }
    }

    /// An object from values in `fields` order, as the snapshot store and the capture read them.
    public init(fieldValues reader: some FieldReader) {
        self.init()
        let reader: any FieldReader = reader
        // Borrowed in place: a copy of each declaration per row would retain its name and
        // closures for every value read.
        Self.fields.withUnsafeBufferPointer { fields in
            for i in fields.indices { fields[i].assign(&self, reader, i) }
        }
    }

    /// All present fields, key fields first, in `fields` order.
    public var fields: [Field] {
        zip(Self.fieldSpecs, fieldValues).compactMap { spec, value in value.map { Field(name: spec.name, value: $0) } }
    }
}

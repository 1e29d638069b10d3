/// A catalog object seen generically: its kind, natural key, printable path and fields.
///
/// The differ, `show` and the fingerprint work on records, so a new object kind needs no
/// code in them beyond its severity rules.
public struct ObjectRecord: Hashable, Sendable {
    public var kind: ObjectKind
    /// The natural key, field values in `keyFields` order.
    public var key: [String]
    public var path: String
    public var parentRelation: RelationKey?
    /// The schema the object lives in, for kinds that live in one.
    public var schema: String?
    /// See `CatalogObject.grantableID`.
    public var grantableID: String?
    /// For a privilege: the `grantableID` of the object it is on.
    public var grantedObjectID: String?
    /// The non-key fields, in declaration order; absent optionals are left out.
    public var attributes: [Field]

    public init<T: CatalogObject>(_ object: T) {
        let key = object.naturalKey
        let specs = T.fieldSpecs
        let values = object.fieldValues
        var attributes: [Field] = []
        attributes.reserveCapacity(specs.count - T.keyCount)
        for i in T.keyCount..<specs.count {
            if let value = values[i] { attributes.append(Field(name: specs[i].name, value: value)) }
        }
        self.kind = T.kind
        self.key = key
        self.path = object.path
        self.parentRelation = object.parentRelation
        self.schema = object.schemaName
        self.attributes = attributes
        self.grantableID = object.grantableID
        self.grantedObjectID = (object as? Privilege)?.grantedObjectID
    }

    /// The attribute named `name`, if present.
    public func value(of name: String) -> FieldValue? {
        attributes.first { $0.name == name }?.value
    }
}

extension CatalogObject {
    /// Index of the `schema` key field, if the kind has one.
    public static var schemaKeyIndex: Int? {
        kind == .schema ? 0 : fieldSpecs.prefix(keyCount).firstIndex { $0.name == "schema" }
    }
}

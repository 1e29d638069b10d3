/// A user-defined type: enum, domain, composite or range.
public struct TypeDefinition: CatalogObject {
    public static let kind = ObjectKind.type
    public static let keyCount = 2
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("name", .text),
        FieldSpec("type_kind", .text),
        FieldSpec("labels", .list),
        FieldSpec("base_type", .text),
        FieldSpec("default_value", .text),
        FieldSpec("not_null", .bool),
        FieldSpec("constraints", .list),
        FieldSpec("attributes", .list),
        FieldSpec("subtype", .text),
        FieldSpec("owner", .text),
        FieldSpec("comment", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(name), .text(typeKind), labels.map(FieldValue.list), baseType.map(FieldValue.text),
            defaultValue.map(FieldValue.text), notNull.map(FieldValue.bool), constraints.map(FieldValue.list),
            attributes.map(FieldValue.list), subtype.map(FieldValue.text), .text(owner), comment.map(FieldValue.text),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), name: v.text(1), typeKind: v.text(2), labels: v.optionalList(3), baseType: v.optionalText(4),
            defaultValue: v.optionalText(5), notNull: v.optionalBool(6), constraints: v.optionalList(7),
            attributes: v.optionalList(8), subtype: v.optionalText(9), owner: v.text(10), comment: v.optionalText(11))
    }
    public var schema: String
    public var name: String
    /// `enum`, `domain`, `composite` or `range`.
    public var typeKind: String
    /// Enum labels in their sort order.
    public var labels: [String]?
    /// Domain: the base type as `format_type` prints it.
    public var baseType: String?
    /// Domain: the default expression.
    public var defaultValue: String?
    /// Domain: `NOT NULL`.
    public var notNull: Bool?
    /// Domain: its constraints as `name: definition`, sorted.
    public var constraints: [String]?
    /// Composite: its attributes as `name type`, in order.
    public var attributes: [String]?
    /// Range: the subtype.
    public var subtype: String?
    public var owner: String
    public var comment: String?

    public init(
        schema: String, name: String, typeKind: String, labels: [String]? = nil,
        baseType: String? = nil, defaultValue: String? = nil, notNull: Bool? = nil,
        constraints: [String]? = nil, attributes: [String]? = nil, subtype: String? = nil,
        owner: String, comment: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.typeKind = typeKind
        self.labels = labels
        self.baseType = baseType
        self.defaultValue = defaultValue
        self.notNull = notNull
        self.constraints = constraints
        self.attributes = attributes
        self.subtype = subtype
        self.owner = owner
        self.comment = comment
    }

    public var path: String { qualifiedName(schema, name) }
    public var grantableID: String? { grantableObjectID("type", schema, name) }
    public var naturalKey: [String] { [schema, name] }
}

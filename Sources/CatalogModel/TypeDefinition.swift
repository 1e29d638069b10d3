/// A user-defined type: enum, domain, composite or range.
public struct TypeDefinition: CatalogObject {
    public static let kind = ObjectKind.type
    public static let keyCount = 2
    public static let fields: [FieldDeclaration<TypeDefinition>] = [
        .init("schema", \.schema),
        .init("name", \.name),
        .init("type_kind", \.typeKind),
        .init("labels", \.labels),
        .init("base_type", \.baseType),
        .init("default_value", \.defaultValue),
        .init("not_null", \.notNull),
        .init("constraints", \.constraints),
        .init("attributes", \.attributes),
        .init("subtype", \.subtype),
        .init("owner", \.owner),
        .init("comment", \.comment),
    ]

    public init() {}

    public var schema: String = ""
    public var name: String = ""
    /// `enum`, `domain`, `composite` or `range`.
    public var typeKind: String = ""
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
    public var owner: String = ""
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

/// A user-defined collation (`CREATE COLLATION`).
public struct Collation: CatalogObject {
    public static let kind = ObjectKind.collation
    public static let keyCount = 2
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("name", .text),
        FieldSpec("provider", .text),
        FieldSpec("lc_collate", .text),
        FieldSpec("lc_ctype", .text),
        FieldSpec("deterministic", .bool),
        FieldSpec("owner", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(name), .text(provider), lcCollate.map(FieldValue.text), lcCtype.map(FieldValue.text),
            .bool(deterministic), .text(owner),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), name: v.text(1), provider: v.text(2), lcCollate: v.optionalText(3), lcCtype: v.optionalText(4),
            deterministic: v.bool(5), owner: v.text(6))
    }
    public var schema: String
    public var name: String
    /// `libc`, `icu` or `default`.
    public var provider: String
    public var lcCollate: String?
    public var lcCtype: String?
    public var deterministic: Bool
    public var owner: String

    public init(
        schema: String, name: String, provider: String, lcCollate: String?, lcCtype: String?,
        deterministic: Bool, owner: String
    ) {
        self.schema = schema
        self.name = name
        self.provider = provider
        self.lcCollate = lcCollate
        self.lcCtype = lcCtype
        self.deterministic = deterministic
        self.owner = owner
    }

    public var path: String { qualifiedName(schema, name) }
    public var naturalKey: [String] { [schema, name] }
}

/// A user-defined collation (`CREATE COLLATION`).
public struct Collation: CatalogObject {
    public static let kind = ObjectKind.collation
    public static let keyCount = 2
    public static let fields: [FieldDeclaration<Collation>] = [
        .init("schema", \.schema),
        .init("name", \.name),
        .init("provider", \.provider),
        .init("lc_collate", \.lcCollate),
        .init("lc_ctype", \.lcCtype),
        .init("deterministic", \.deterministic),
        .init("owner", \.owner),
        .init("comment", \.comment, since: 3),
        .init("icu_locale", \.icuLocale, since: 4),
    ]

    public init() {}

    /// `COMMENT ON …` *(format 3)*.
    public var comment: String?

    public var schema: String = ""
    public var name: String = ""
    /// `libc`, `icu` or `default`.
    public var provider: String = ""
    public var lcCollate: String?
    public var lcCtype: String?
    /// An ICU collation's locale (`colliculocale`, `colllocale` from PostgreSQL 17) *(format 4)*.
    public var icuLocale: String?
    public var deterministic: Bool = false
    public var owner: String = ""

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

/// A table that a publication lists explicitly.
public struct PublicationTable: CatalogObject {
    public static let kind = ObjectKind.publicationTable
    public static let keyCount = 3
    public static let fields: [FieldDeclaration<PublicationTable>] = [
        .init("publication", \.publication),
        .init("schema", \.schema),
        .init("table", \.table),
        .init("row_filter", \.rowFilter),
    ]

    public init() {}

    public var publication: String = ""
    public var schema: String = ""
    public var table: String = ""
    /// A row filter (`WHERE`), if any.
    public var rowFilter: String?

    public init(publication: String, schema: String, table: String, rowFilter: String? = nil) {
        self.publication = publication
        self.schema = schema
        self.table = table
        self.rowFilter = rowFilter
    }

    public var path: String { quoteIdentifier(publication) + ":" + qualifiedName(schema, table) }
    public var parentRelation: RelationKey? { RelationKey(schema: schema, name: table) }
    public var naturalKey: [String] { [publication, schema, table] }
}

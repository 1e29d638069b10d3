/// A table that a publication lists explicitly.
public struct PublicationTable: CatalogObject {
    public static let kind = ObjectKind.publicationTable
    public static let keyCount = 3
    public static let fieldSpecs = [
        FieldSpec("publication", .text),
        FieldSpec("schema", .text),
        FieldSpec("table", .text),
        FieldSpec("row_filter", .text),
    ]

    public var fieldValues: [FieldValue?] { [.text(publication), .text(schema), .text(table), rowFilter.map(FieldValue.text)] }

    public init(fieldValues v: some FieldReader) {
        self.init(publication: v.text(0), schema: v.text(1), table: v.text(2), rowFilter: v.optionalText(3))
    }
    public var publication: String
    public var schema: String
    public var table: String
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

/// A sequence (`CREATE SEQUENCE`, or one made by `serial`); never its current value.
/// Sequences behind identity columns are part of the column, not captured here.
public struct Sequence: CatalogObject {
    public static let kind = ObjectKind.sequence
    public static let keyCount = 2
    public static let fields: [FieldDeclaration<Sequence>] = [
        .init("schema", \.schema),
        .init("name", \.name),
        .init("data_type", \.dataType),
        .init("start", \.start),
        .init("increment", \.increment),
        .init("min_value", \.minValue),
        .init("max_value", \.maxValue),
        .init("cache", \.cache),
        .init("cycle", \.cycle),
        .init("owned_by", \.ownedBy),
        .init("owner", \.owner),
        .init("comment", \.comment, since: 3),
    ]

    public init() {}

    /// `COMMENT ON …` *(format 3)*.
    public var comment: String?

    public var schema: String = ""
    public var name: String = ""
    public var dataType: String = ""
    public var start: Int64 = 0
    public var increment: Int64 = 0
    public var minValue: Int64 = 0
    public var maxValue: Int64 = 0
    public var cache: Int64 = 0
    public var cycle: Bool = false
    /// The column that owns it (`OWNED BY`), as `schema.table.column`.
    public var ownedBy: String?
    public var owner: String = ""

    public init(
        schema: String, name: String, dataType: String, start: Int64, increment: Int64,
        minValue: Int64, maxValue: Int64, cache: Int64, cycle: Bool, ownedBy: String?, owner: String
    ) {
        self.schema = schema
        self.name = name
        self.dataType = dataType
        self.start = start
        self.increment = increment
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle
        self.ownedBy = ownedBy
        self.owner = owner
    }

    public var path: String { qualifiedName(schema, name) }
    public var grantableID: String? { grantableObjectID("sequence", schema, name) }
    public var naturalKey: [String] { [schema, name] }
}

/// A sequence (`CREATE SEQUENCE`, or one made by `serial`); never its current value.
/// Sequences behind identity columns are part of the column, not captured here.
public struct Sequence: CatalogObject {
    public static let kind = ObjectKind.sequence
    public static let keyCount = 2
    public static let fieldSpecs = [
        FieldSpec("schema", .text),
        FieldSpec("name", .text),
        FieldSpec("data_type", .text),
        FieldSpec("start", .integer),
        FieldSpec("increment", .integer),
        FieldSpec("min_value", .integer),
        FieldSpec("max_value", .integer),
        FieldSpec("cache", .integer),
        FieldSpec("cycle", .bool),
        FieldSpec("owned_by", .text),
        FieldSpec("owner", .text),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(schema), .text(name), .text(dataType), .integer(start), .integer(increment), .integer(minValue),
            .integer(maxValue), .integer(cache), .bool(cycle), ownedBy.map(FieldValue.text), .text(owner),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            schema: v.text(0), name: v.text(1), dataType: v.text(2), start: v.integer(3), increment: v.integer(4),
            minValue: v.integer(5), maxValue: v.integer(6), cache: v.integer(7), cycle: v.bool(8), ownedBy: v.optionalText(9),
            owner: v.text(10))
    }
    public var schema: String
    public var name: String
    public var dataType: String
    public var start: Int64
    public var increment: Int64
    public var minValue: Int64
    public var maxValue: Int64
    public var cache: Int64
    public var cycle: Bool
    /// The column that owns it (`OWNED BY`), as `schema.table.column`.
    public var ownedBy: String?
    public var owner: String

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

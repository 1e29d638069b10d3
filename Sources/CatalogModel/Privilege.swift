/// What one grantee may do with one object: its effective privileges there.
///
/// Captured from the effective ACL (`aclexplode` over the ACL or, where none is stored, the
/// built-in default), so equal grants written differently compare equal. The owner's own
/// implicit privileges are left out: ownership is captured on the object itself.
public struct Privilege: CatalogObject {
    public static let kind = ObjectKind.privilege
    public static let keyCount = 5
    public static let fields: [FieldDeclaration<Privilege>] = [
        .init("object_type", \.objectType),
        .init("schema", \.schema),
        .init("name", \.name),
        .init("column", \.column),
        .init("grantee", \.grantee),
        .init("privileges", \.privileges),
        .init("grantable", \.grantable),
        .init("extension_member", \.extensionMember, since: 2),
    ]

    public init() {}

    /// `table`, `view`, `materialized view`, `foreign table`, `sequence`, `function`,
    /// `procedure`, `schema`, `type` or `column`.
    public var objectType: String = ""
    /// The object's schema (for a schema privilege, the schema itself).
    public var schema: String = ""
    /// The object's name (functions with their identity arguments); empty for a schema.
    public var name: String = ""
    /// The column, for a column privilege; empty otherwise.
    public var column: String = ""
    /// A role name, or `PUBLIC`.
    public var grantee: String = ""
    /// The privileges held, sorted: `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`,
    /// `REFERENCES`, `TRIGGER`, `EXECUTE`, `USAGE`, `CREATE`.
    public var privileges: [String] = []
    /// Those of `privileges` held `WITH GRANT OPTION`, sorted.
    public var grantable: [String] = []
    /// True for an extension's member whose privileges a user changed from those it was
    /// created with (recorded from format 2 on); `privileges` may then be empty. Nil otherwise.
    public var extensionMember: Bool?

    public init(
        objectType: String, schema: String, name: String, column: String = "", grantee: String,
        privileges: [String], grantable: [String] = [], extensionMember: Bool? = nil
    ) {
        self.objectType = objectType
        self.schema = schema
        self.name = name
        self.column = column
        self.grantee = grantee
        self.privileges = privileges
        self.grantable = grantable
        self.extensionMember = extensionMember
    }

    /// The object the privilege is on, e.g. `table public.orders`.
    public var objectPath: String {
        switch objectType {
        case "schema": return "schema " + quoteIdentifier(schema)
        case "foreign data wrapper", "foreign server": return objectType + " " + quoteIdentifier(name)
        case "function", "procedure":
            return objectType + " " + quoteIdentifier(schema) + "." + name
        case "column":
            return "column " + qualifiedName(schema, name) + "." + quoteIdentifier(column)
        default: return objectType + " " + qualifiedName(schema, name)
        }
    }

    /// Format 1 did not record the privileges of extension members, format 3 none on
    /// foreign-data wrappers and servers.
    public var recordedSince: Int {
        if objectType == "foreign data wrapper" || objectType == "foreign server" { return 4 }
        return extensionMember == true ? 2 : 1
    }

    public var path: String {
        (grantee == "PUBLIC" ? "PUBLIC" : quoteIdentifier(grantee)) + " on " + objectPath
    }

    public var parentRelation: RelationKey? {
        switch objectType {
        case "schema", "function", "procedure", "type", "sequence", "foreign data wrapper", "foreign server": nil
        default: RelationKey(schema: schema, name: name)
        }
    }
    /// The `grantableID` of the object this privilege is on.
    public var grantedObjectID: String {
        switch objectType {
        case "schema": grantableObjectID("schema", schema, "")
        case "function", "procedure": grantableObjectID("function", schema, name)
        case "sequence": grantableObjectID("sequence", schema, name)
        case "type": grantableObjectID("type", schema, name)
        default: grantableObjectID("relation", schema, name)
        }
    }
    public var naturalKey: [String] { [objectType, schema, name, column, grantee] }
    public func keyOrder(_ other: Self) -> Int {
        NaturalKeyOrder.compare(objectType, other.objectType).nonZero ?? NaturalKeyOrder.compare(schema, other.schema).nonZero
            ?? NaturalKeyOrder.compare(name, other.name).nonZero ?? NaturalKeyOrder.compare(column, other.column).nonZero
            ?? NaturalKeyOrder.compare(grantee, other.grantee)
    }
    public var schemaName: String? { schema.isEmpty ? nil : schema }
}

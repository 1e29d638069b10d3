/// A privilege granted by `ALTER DEFAULT PRIVILEGES` to objects a role creates later.
public struct DefaultPrivilege: CatalogObject {
    public static let kind = ObjectKind.defaultPrivilege
    public static let keyCount = 5
    public static let fieldSpecs = [
        FieldSpec("role", .text),
        FieldSpec("schema", .text),
        FieldSpec("object_type", .text),
        FieldSpec("grantee", .text),
        FieldSpec("privilege", .text),
        FieldSpec("grantable", .bool),
    ]

    public var fieldValues: [FieldValue?] {
        [.text(role), .text(schema), .text(objectType), .text(grantee), .text(privilege), .bool(grantable)]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            role: v.text(0), schema: v.text(1), objectType: v.text(2), grantee: v.text(3), privilege: v.text(4),
            grantable: v.bool(5))
    }
    /// The role whose future objects get the privilege.
    public var role: String
    /// The schema it is limited to; empty for all schemas.
    public var schema: String
    /// `table`, `sequence`, `function`, `type` or `schema`.
    public var objectType: String
    public var grantee: String
    public var privilege: String
    public var grantable: Bool

    public init(
        role: String, schema: String, objectType: String, grantee: String, privilege: String,
        grantable: Bool
    ) {
        self.role = role
        self.schema = schema
        self.objectType = objectType
        self.grantee = grantee
        self.privilege = privilege
        self.grantable = grantable
    }

    public var path: String {
        let scope = schema.isEmpty ? "" : " in schema " + quoteIdentifier(schema)
        return "for role \(quoteIdentifier(role))\(scope): \(privilege) on \(objectType)s to \(grantee)"
    }
    public var naturalKey: [String] { [role, schema, objectType, grantee, privilege] }
}

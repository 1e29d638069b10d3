/// A privilege granted by `ALTER DEFAULT PRIVILEGES` to objects a role creates later.
public struct DefaultPrivilege: CatalogObject {
    public static let kind = ObjectKind.defaultPrivilege
    public static let keyCount = 5
    public static let fields: [FieldDeclaration<DefaultPrivilege>] = [
        .init("role", \.role),
        .init("schema", \.schema),
        .init("object_type", \.objectType),
        .init("grantee", \.grantee),
        .init("privilege", \.privilege),
        .init("grantable", \.grantable),
    ]

    public init() {}

    /// The role whose future objects get the privilege.
    public var role: String = ""
    /// The schema it is limited to; empty for all schemas.
    public var schema: String = ""
    /// `table`, `sequence`, `function`, `type` or `schema`.
    public var objectType: String = ""
    public var grantee: String = ""
    public var privilege: String = ""
    public var grantable: Bool = false

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

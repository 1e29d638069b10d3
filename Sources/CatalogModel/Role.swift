/// A role with its attributes and memberships; never its password. Roles are cluster-wide,
/// so they are compared only when asked (`diff --roles`).
public struct Role: CatalogObject {
    public static let kind = ObjectKind.role
    public static let keyCount = 1
    public static let fieldSpecs = [
        FieldSpec("name", .text),
        FieldSpec("superuser", .bool),
        FieldSpec("inherit", .bool),
        FieldSpec("create_role", .bool),
        FieldSpec("create_db", .bool),
        FieldSpec("login", .bool),
        FieldSpec("replication", .bool),
        FieldSpec("bypass_rls", .bool),
        FieldSpec("connection_limit", .integer),
        FieldSpec("member_of", .list),
    ]

    public var fieldValues: [FieldValue?] {
        [
            .text(name), .bool(superuser), .bool(inherit), .bool(createRole), .bool(createDb), .bool(login), .bool(replication),
            .bool(bypassRls), .integer(Int64(connectionLimit)), .list(memberOf),
        ]
    }

    public init(fieldValues v: some FieldReader) {
        self.init(
            name: v.text(0), superuser: v.bool(1), inherit: v.bool(2), createRole: v.bool(3), createDb: v.bool(4),
            login: v.bool(5), replication: v.bool(6), bypassRls: v.bool(7), connectionLimit: Int(v.integer(8)),
            memberOf: v.list(9))
    }
    public var name: String
    public var superuser: Bool
    public var inherit: Bool
    public var createRole: Bool
    public var createDb: Bool
    public var login: Bool
    public var replication: Bool
    public var bypassRls: Bool
    /// -1 for no limit.
    public var connectionLimit: Int
    /// The roles it is a member of, sorted.
    public var memberOf: [String]

    public init(
        name: String, superuser: Bool, inherit: Bool, createRole: Bool, createDb: Bool,
        login: Bool, replication: Bool, bypassRls: Bool, connectionLimit: Int, memberOf: [String]
    ) {
        self.name = name
        self.superuser = superuser
        self.inherit = inherit
        self.createRole = createRole
        self.createDb = createDb
        self.login = login
        self.replication = replication
        self.bypassRls = bypassRls
        self.connectionLimit = connectionLimit
        self.memberOf = memberOf
    }

    public var path: String { quoteIdentifier(name) }
    public var naturalKey: [String] { [name] }
}

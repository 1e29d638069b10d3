/// A role with its attributes and memberships; never its password. Roles are cluster-wide,
/// so they are compared only when asked (`diff --roles`).
public struct Role: CatalogObject {
    public static let kind = ObjectKind.role
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<Role>] = [
        .init("name", \.name),
        .init("superuser", \.superuser),
        .init("inherit", \.inherit),
        .init("create_role", \.createRole),
        .init("create_db", \.createDb),
        .init("login", \.login),
        .init("replication", \.replication),
        .init("bypass_rls", \.bypassRls),
        .init("connection_limit", \.connectionLimit),
        .init("member_of", \.memberOf),
    ]

    public init() {}

    public var name: String = ""
    public var superuser: Bool = false
    public var inherit: Bool = false
    public var createRole: Bool = false
    public var createDb: Bool = false
    public var login: Bool = false
    public var replication: Bool = false
    public var bypassRls: Bool = false
    /// -1 for no limit.
    public var connectionLimit: Int = 0
    /// The roles it is a member of, sorted.
    public var memberOf: [String] = []

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

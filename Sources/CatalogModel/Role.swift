/// A role with its attributes and memberships; never its password. Roles are cluster-wide,
/// so they are compared only when asked (`diff --roles`).
public struct Role: CatalogObject {
    public static let kind = ObjectKind.role
    public static let keyFields = ["name"]
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

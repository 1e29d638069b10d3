/// A user mapping (`CREATE USER MAPPING FOR … SERVER …`) *(format 4)*. Its options hold
/// credentials: an option whose name says it is a secret (`UserMapping.isSecret`) is recorded
/// by name only, never its value, so a changed password is not drift and a generated script
/// writes a placeholder for it.
public struct UserMapping: CatalogObject {
    public static let kind = ObjectKind.userMapping
    public static let keyCount = 2
    public static let fields: [FieldDeclaration<UserMapping>] = [
        .init("server", \.server, since: 4),
        .init("user_name", \.userName, since: 4),
        .init("options", \.options, since: 4),
    ]

    public init() {}

    public var server: String = ""
    /// The role it maps, or `PUBLIC`.
    public var userName: String = ""
    /// Its options as `key=value`, sorted; a secret option as its name alone.
    public var options: [String]?

    public init(server: String, userName: String, options: [String]?) {
        self.server = server
        self.userName = userName
        self.options = options
    }

    /// Whether an option named `key` holds a secret (`password`, `sslpassword`, anything
    /// naming a secret, token or key): such values are never read into a snapshot.
    public static func isSecret(_ key: String) -> Bool {
        let key = key.lowercased()
        return ["password", "secret", "token", "key"].contains { key.contains($0) }
    }

    /// The same mapping with each secret option's value left out (`password`, not
    /// `password=…`).
    public var withoutSecrets: UserMapping {
        var copy = self
        copy.options = options?.map { option in
            let key = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
            return Self.isSecret(key) ? key : option
        }
        return copy
    }

    /// e.g. `app_reader on "warehouse"`.
    public var path: String { (userName == "PUBLIC" ? "PUBLIC" : quoteIdentifier(userName)) + " on " + quoteIdentifier(server) }
    public var naturalKey: [String] { [server, userName] }
}

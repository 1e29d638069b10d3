/// A named Supabase Vault secret (a row of `vault.secrets`): its name and description only.
/// The secret, its ciphertext, key and nonce are never read, so no snapshot can hold them.
public struct VaultSecret: CatalogObject {
    public static let kind = ObjectKind.vaultSecret
    public static let keyCount = 1
    public static let fields: [FieldDeclaration<VaultSecret>] = [
        .init("name", \.name, since: 3),
        .init("description", \.description, since: 3),
    ]

    public init() {}

    public var name: String = ""
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }

    public var path: String { name }
    public var naturalKey: [String] { [name] }
}

/// What the differ compares and how it rates differences.
public struct DiffOptions: Sendable, Hashable {
    /// Schemas where missing objects are CRITICAL.
    public var criticalSchemas: Set<String>
    /// Schemas the platform owns: their own objects are left out, unless `includeManaged`;
    /// what users attach to them (policies, triggers, RLS flags, grants) is compared.
    public var managedSchemas: Set<String>
    public var includeManaged: Bool
    /// Roles are cluster-wide: compared only when asked.
    public var compareRoles: Bool

    public init(
        criticalSchemas: Set<String> = ["public"], managedSchemas: Set<String> = [], includeManaged: Bool = false,
        compareRoles: Bool = false
    ) {
        self.criticalSchemas = criticalSchemas
        self.managedSchemas = managedSchemas
        self.includeManaged = includeManaged
        self.compareRoles = compareRoles
    }

    /// Roles whose objects in managed schemas are the platform's own.
    public static func isPlatformRole(_ role: String) -> Bool {
        role.hasPrefix("supabase_") || role == "supabase_admin"
    }
}

import CatalogModel

/// One lint finding on a snapshot, named as Supabase's database linter names it.
public struct AdvisorFinding: Hashable, Sendable {
    public enum Level: String, Hashable, Sendable, Comparable, CaseIterable {
        case info = "INFO"
        case warn = "WARN"
        case error = "ERROR"

        public static func < (a: Level, b: Level) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public enum Category: String, Hashable, Sendable {
        case security = "SECURITY"
        case performance = "PERFORMANCE"
        /// Something that fails when it runs, such as a scheduled job.
        case reliability = "RELIABILITY"
    }

    /// e.g. `rls_disabled_in_public`.
    public var lint: String
    public var level: Level
    public var category: Category
    /// The object, as reports name it (`public.orders`, `public.orders:policy`…).
    public var object: String
    /// One line: what is wrong.
    public var detail: String
    /// What to do about it, in this project's terms.
    public var remediation: String
    /// Set when the configuration excuses this finding; it is still reported, as excused.
    public var excuse: String?

    public init(lint: String, level: Level, category: Category, object: String, detail: String, remediation: String) {
        self.lint = lint
        self.level = level
        self.category = category
        self.object = object
        self.detail = detail
        self.remediation = remediation
    }
}

/// Which lints run and which findings are excused.
public struct AdvisorOptions: Sendable, Hashable {
    public struct Excuse: Sendable, Hashable {
        public var lint: String
        public var object: String
        public var reason: String

        public init(lint: String, object: String, reason: String) {
            self.lint = lint
            self.object = object
            self.reason = reason
        }
    }

    public var exposedSchemas: Set<String>
    /// Schemas the platform manages: their own objects are not linted.
    public var managedSchemas: Set<String>
    public var disabled: Set<String>
    public var excuses: [Excuse]

    public init(
        exposedSchemas: Set<String> = ["public"], managedSchemas: Set<String> = [], disabled: Set<String> = [],
        excuses: [Excuse] = []
    ) {
        self.exposedSchemas = exposedSchemas
        self.managedSchemas = managedSchemas
        self.disabled = disabled
        self.excuses = excuses
    }
}

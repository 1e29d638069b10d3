import CatalogModel

/// `disable_rls`: `DISABLE ROW LEVEL SECURITY` exposes every row to the API roles.
struct DisableRLS: HazardRule {
    static let code = "disable_rls"
    static let severity = Severity.critical
    static let summary = "`DISABLE ROW LEVEL SECURITY` exposes every row to the API roles"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.profiles DISABLE ROW LEVEL SECURITY;"
        ],
        nonTriggering: [
            "ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), let table = reader.name(after: "table"),
            reader.containsSequence("disable", "row", "level", "security")
        else { return nil }
        return "disabling row level security exposes every row of \(table) to the API roles"
    }
}

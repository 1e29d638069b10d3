import CatalogModel

/// `set_not_null`: scans an existing table under ACCESS EXCLUSIVE; fails on NULLs.
struct SetNotNull: HazardRule {
    static let code = "set_not_null"
    static let severity = Severity.warning
    static let summary = "scans an existing table under ACCESS EXCLUSIVE; fails on NULLs"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.orders ALTER COLUMN placed_at SET NOT NULL;"
        ],
        nonTriggering: [
            "CREATE TABLE public.drafts (id int, body text);\nALTER TABLE public.drafts ALTER COLUMN body SET NOT NULL;",
            "ALTER TABLE public.orders ALTER COLUMN placed_at DROP NOT NULL;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), let table = reader.name(after: "table"),
            reader.containsSequence("set", "not", "null"), statement.isExisting(table)
        else { return nil }
        return
            "SET NOT NULL scans \(table) under an ACCESS EXCLUSIVE lock and fails if any row is NULL; add a CHECK (…) NOT VALID constraint first"
    }
}

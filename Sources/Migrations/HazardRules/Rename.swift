import CatalogModel

/// `rename`: renaming a table or column breaks clients using the old name.
struct Rename: HazardRule {
    static let code = "rename"
    static let severity = Severity.warning
    static let summary = "renaming a table or column breaks clients using the old name"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.users RENAME COLUMN name TO full_name;",
            "ALTER TABLE public.users RENAME TO members;",
        ],
        nonTriggering: [
            "COMMENT ON TABLE public.users IS 'rename later';"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), reader.name(after: "table") != nil, reader.containsSequence("rename") else {
            return nil
        }
        return "renaming breaks every client, view and function that uses the old name"
    }
}

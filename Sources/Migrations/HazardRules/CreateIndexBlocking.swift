import CatalogModel

/// `create_index_blocking`: `CREATE INDEX` without CONCURRENTLY on an existing table blocks writes.
struct CreateIndexBlocking: HazardRule {
    static let code = "create_index_blocking"
    static let severity = Severity.warning
    static let summary = "`CREATE INDEX` without CONCURRENTLY on an existing table blocks writes"
    static let examples = HazardExamples(
        triggering: [
            "CREATE INDEX orders_user ON public.orders (user_id);"
        ],
        nonTriggering: [
            "CREATE INDEX CONCURRENTLY orders_user ON public.orders (user_id);",
            "CREATE TABLE public.tags (id int, name text);\nCREATE INDEX tags_name ON public.tags (name);",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.isCreateIndex, !reader.contains("concurrently"), let table = reader.name(after: "on"),
            statement.isExisting(table)
        else { return nil }
        return "CREATE INDEX without CONCURRENTLY blocks writes to \(table) until the index is built"
    }
}

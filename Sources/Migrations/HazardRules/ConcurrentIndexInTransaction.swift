import CatalogModel

/// `concurrent_index_in_transaction`: `CREATE INDEX CONCURRENTLY` inside `BEGIN … COMMIT` cannot run.
struct ConcurrentIndexInTransaction: HazardRule {
    static let code = "concurrent_index_in_transaction"
    static let severity = Severity.critical
    static let summary = "`CREATE INDEX CONCURRENTLY` inside `BEGIN … COMMIT` cannot run"
    static let examples = HazardExamples(
        triggering: [
            "BEGIN;\nCREATE INDEX CONCURRENTLY orders_user ON public.orders (user_id);\nCOMMIT;"
        ],
        nonTriggering: [
            "BEGIN;\nCOMMIT;\nCREATE INDEX CONCURRENTLY orders_user ON public.orders (user_id);"
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.isCreateIndex, reader.contains("concurrently"), statement.inTransactionBlock else { return nil }
        return "CREATE INDEX CONCURRENTLY cannot run inside a transaction block; move it out of BEGIN … COMMIT"
    }
}

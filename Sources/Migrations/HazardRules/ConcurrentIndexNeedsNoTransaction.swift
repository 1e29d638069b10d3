import CatalogModel

/// `concurrent_index_needs_no_transaction`: the file must be applied outside a transaction.
struct ConcurrentIndexNeedsNoTransaction: HazardRule {
    static let code = "concurrent_index_needs_no_transaction"
    static let severity = Severity.info
    static let summary = "the file must be applied outside a transaction"
    static let examples = HazardExamples(
        triggering: [
            "CREATE INDEX CONCURRENTLY orders_user ON public.orders (user_id);"
        ],
        nonTriggering: [
            "CREATE INDEX orders_user ON public.orders (user_id);",
            "BEGIN;\nCREATE INDEX CONCURRENTLY orders_user ON public.orders (user_id);\nCOMMIT;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.isCreateIndex, reader.contains("concurrently"), !statement.inTransactionBlock else { return nil }
        return "CREATE INDEX CONCURRENTLY cannot run in a transaction: apply this migration with --no-transaction"
    }
}

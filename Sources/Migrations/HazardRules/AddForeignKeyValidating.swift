import CatalogModel

/// `add_foreign_key_validating`: a foreign key added to an existing table without `NOT VALID`
/// checks every row while it locks both tables against writes.
struct AddForeignKeyValidating: HazardRule {
    static let code = "add_foreign_key_validating"
    static let severity = Severity.warning
    static let summary =
        "`ADD … FOREIGN KEY` on an existing table without `NOT VALID` scans it while blocking writes to both tables"
    static let examples = HazardExamples(
        triggering: [
            "ALTER TABLE public.orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES public.users (id);",
            "ALTER TABLE public.orders ADD FOREIGN KEY (user_id) REFERENCES public.users;",
        ],
        nonTriggering: [
            "ALTER TABLE public.orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES public.users (id) NOT VALID;",
            "CREATE TABLE public.items (id int, order_id int);\nALTER TABLE public.items ADD FOREIGN KEY (order_id) REFERENCES public.orders;",
            "ALTER TABLE public.orders VALIDATE CONSTRAINT orders_user;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("alter", "table"), let table = reader.name(after: "table"),
            reader.containsSequence("foreign", "key"), reader.contains("add"), !reader.containsSequence("not", "valid"),
            statement.isExisting(table)
        else { return nil }
        return "adding a validated foreign key scans \(table) and blocks writes to it and the table it references until done; "
            + "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration"
    }
}

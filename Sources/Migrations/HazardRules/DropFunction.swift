import CatalogModel

/// `drop_function`: callers (API, triggers, policies) start failing.
struct DropFunction: HazardRule {
    static let code = "drop_function"
    static let severity = Severity.warning
    static let summary = "callers (API, triggers, policies) start failing"
    static let examples = HazardExamples(
        triggering: [
            "DROP FUNCTION public.total(int);",
            "DROP PROCEDURE public.archive();",
        ],
        nonTriggering: [
            "CREATE OR REPLACE FUNCTION public.total() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
            "DROP TRIGGER t ON public.orders;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.startsWith("drop", "function") || reader.startsWith("drop", "procedure") else { return nil }
        return "callers of the function (the API, triggers, policies) start failing"
    }
}

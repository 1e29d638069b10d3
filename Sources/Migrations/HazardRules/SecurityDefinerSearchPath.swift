import CatalogModel

/// `security_definer_search_path`: `SECURITY DEFINER` without `SET search_path` can be hijacked.
struct SecurityDefinerSearchPath: HazardRule {
    static let code = "security_definer_search_path"
    static let severity = Severity.critical
    static let summary = "`SECURITY DEFINER` without `SET search_path` can be hijacked"
    static let examples = HazardExamples(
        triggering: [
            "CREATE FUNCTION public.admin_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$ SELECT count(*) FROM auth.users $$;"
        ],
        nonTriggering: [
            "CREATE FUNCTION public.admin_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$ SELECT count(*) FROM auth.users $$;",
            "CREATE FUNCTION public.one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;",
        ])

    static func reason(_ statement: HazardStatement) -> String? {
        let reader = statement.reader
        guard reader.isCreateFunction, reader.containsSequence("security", "definer"),
            !reader.containsSequence("set", "search_path")
        else { return nil }
        return "a SECURITY DEFINER function without SET search_path can be hijacked through objects a caller creates"
    }
}

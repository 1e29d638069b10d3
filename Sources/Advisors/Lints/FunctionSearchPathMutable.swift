import CatalogModel

/// `function_search_path_mutable`: A function without a fixed `search_path`.
struct FunctionSearchPathMutable: AdvisorLint {
    static let name = "function_search_path_mutable"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "`create function public.f() … as $$…$$;` without `set search_path`"
    static let documentedFix = "`alter function public.f() set search_path = '';` and qualify names"
    static let examples = LintExamples(
        triggering: [
            "CREATE FUNCTION public.one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"
        ],
        nonTriggering: [
            "CREATE FUNCTION public.one() RETURNS int LANGUAGE sql SET search_path = '' AS $$ SELECT 1 $$;"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        let managed = facts.options.managedSchemas
        for function in facts.catalog.functions
        where !managed.contains(function.schema) && function.functionKind != "aggregate" && function.language != "internal"
            && function.language != "c" && !(function.config ?? []).contains(where: { $0.hasPrefix("search_path=") })
        {
            findings.append(
                finding(
                    function.path,
                    detail:
                        "function \(function.path) has no fixed search_path, so a caller's objects can shadow the ones it uses",
                    remediation: "alter function \(function.path) set search_path = ''; and qualify every name in its body"))
        }
    }
}

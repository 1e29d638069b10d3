import CatalogModel

/// `materialized_view_in_api`: A materialized view in an exposed schema the API roles can select from: it has no row level security.
struct MaterializedViewInAPI: AdvisorLint {
    static let name = "materialized_view_in_api"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "a materialized view in public that anon/authenticated can select"
    static let documentedFix = "revoke select, or move it out of the exposed schema"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.orders (id int PRIMARY KEY); CREATE MATERIALIZED VIEW public.order_counts AS SELECT count(*) FROM public.orders;"
        ],
        nonTriggering: [
            "CREATE TABLE public.orders (id int PRIMARY KEY); CREATE MATERIALIZED VIEW public.order_counts AS SELECT count(*) FROM public.orders; REVOKE ALL ON public.order_counts FROM anon, authenticated;"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        selectableWithoutRLS("materialized view", facts, into: &findings)
    }
}

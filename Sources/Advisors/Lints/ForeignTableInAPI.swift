import CatalogModel

/// `foreign_table_in_api`: A foreign table in an exposed schema the API roles can select from: it has no row level security.
struct ForeignTableInAPI: AdvisorLint {
    static let name = "foreign_table_in_api"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "a foreign table in public that anon/authenticated can select"
    static let documentedFix = "revoke select, or move it out of the exposed schema"
    static let examples = LintExamples(
        triggering: [
            "CREATE EXTENSION postgres_fdw; CREATE SERVER elsewhere FOREIGN DATA WRAPPER postgres_fdw; CREATE FOREIGN TABLE public.remote_orders (id int) SERVER elsewhere;"
        ],
        nonTriggering: [
            "CREATE EXTENSION postgres_fdw; CREATE SERVER elsewhere FOREIGN DATA WRAPPER postgres_fdw; CREATE FOREIGN TABLE public.remote_orders (id int) SERVER elsewhere; REVOKE ALL ON public.remote_orders FROM anon, authenticated;"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        selectableWithoutRLS("foreign table", facts, into: &findings)
    }
}

import CatalogModel

/// `security_definer_view`: A view the API roles can select from that runs with its owner's rights.
struct SecurityDefinerView: AdvisorLint {
    static let name = "security_definer_view"
    static let level = AdvisorFinding.Level.error
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "`create view public.v as select …;` (runs as its owner, bypassing RLS)"
    static let documentedFix = "`alter view public.v set (security_invoker = true);`"
    static let examples = LintExamples(
        triggering: [
            "CREATE TABLE public.orders (id int PRIMARY KEY); CREATE VIEW public.order_ids AS SELECT id FROM public.orders;"
        ],
        nonTriggering: [
            "CREATE TABLE public.orders (id int PRIMARY KEY); CREATE VIEW public.order_ids WITH (security_invoker = true) AS SELECT id FROM public.orders;",
            "CREATE TABLE public.orders (id int PRIMARY KEY); CREATE VIEW public.order_ids AS SELECT id FROM public.orders; REVOKE ALL ON public.order_ids FROM anon, authenticated;",
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for relation in facts.userRelations where relation.relationKind == "view" {
            guard facts.isExposed(relation), facts.apiCanSelect(relation) else { continue }
            let invoker = relation.options?.contains { $0 == "security_invoker=true" || $0 == "security_invoker=on" } ?? false
            guard !invoker else { continue }
            let path = relation.path
            findings.append(
                finding(
                    path,
                    detail:
                        "view \(path) runs with its owner's rights, so the API roles read through it bypassing the row level security of its tables",
                    remediation: "alter view \(path) set (security_invoker = true);"))
        }
    }
}

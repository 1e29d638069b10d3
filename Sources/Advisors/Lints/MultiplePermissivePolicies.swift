import CatalogModel

/// `multiple_permissive_policies`: more than one permissive policy for one role and command
/// on a table. They are OR-ed: each runs for every row.
struct MultiplePermissivePolicies: AdvisorLint {
    static let name = "multiple_permissive_policies"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.performance
    static let documentedExample = "two permissive SELECT policies for `authenticated` on one table"
    static let documentedFix = "merge them with `or`, or make one restrictive"
    static let examples = LintExamples(
        triggering: [
            """
            CREATE TABLE public.notes (id int PRIMARY KEY, shared boolean); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
            CREATE POLICY mine ON public.notes FOR SELECT TO authenticated USING (true);
            CREATE POLICY shared ON public.notes FOR SELECT TO authenticated USING (shared);
            """
        ],
        nonTriggering: [
            """
            CREATE TABLE public.notes (id int PRIMARY KEY, shared boolean); ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
            CREATE POLICY mine ON public.notes FOR SELECT TO authenticated USING (true);
            CREATE POLICY shared ON public.notes AS RESTRICTIVE FOR SELECT TO authenticated USING (shared);
            """
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        Advisor.forEachTable(facts.catalog.policies) { check($0, into: &findings) }
    }

    private static func check(_ policies: ArraySlice<Policy>, into out: inout [AdvisorFinding]) {
        var grants: [(role: String, command: String, policy: String)] = []
        for policy in policies where policy.permissive {
            for role in policy.roles {
                if policy.command == "ALL" {
                    for command in ["SELECT", "INSERT", "UPDATE", "DELETE"] { grants.append((role, command, policy.name)) }
                } else {
                    grants.append((role, policy.command, policy.name))
                }
            }
        }
        guard grants.count > 1, let first = policies.first else { return }
        let order = grants.indices.sorted { i, j in
            let role = NaturalKeyOrder.compare(grants[i].role, grants[j].role)
            if role != 0 { return role < 0 }
            let command = NaturalKeyOrder.compare(grants[i].command, grants[j].command)
            return command != 0 ? command < 0 : i < j
        }
        let table = RelationKey(schema: first.schema, name: first.table)
        var runStart = 0
        while runStart < order.count {
            let head = grants[order[runStart]]
            var runEnd = runStart + 1
            while runEnd < order.count && grants[order[runEnd]].role == head.role
                && grants[order[runEnd]].command == head.command
            {
                runEnd += 1
            }
            if runEnd - runStart > 1 {
                let names = order[runStart..<runEnd].map { grants[$0].policy }
                let roleCommand = head.role + " " + head.command
                out.append(
                    finding(
                        table.description + " (" + roleCommand + ")",
                        detail:
                            "table \(table) has \(names.count) permissive policies for \(roleCommand): \(names.joined(separator: ", "))",
                        remediation: "merge them into one policy with OR, or make all but one restrictive"))
            }
            runStart = runEnd
        }
    }
}

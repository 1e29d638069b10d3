import CatalogModel

/// Runs Supabase-style security and performance lints over a catalog, offline.
///
/// Every lint reads only the snapshot, so it runs on any snapshot, past or present. Findings
/// come sorted by level (errors first), then lint name, then object.
public enum Advisor {
    /// Every lint, by name, for documentation and `disable` validation.
    public static let lintNames = [
        "rls_disabled_in_public", "policy_exists_rls_disabled", "rls_enabled_no_policy", "security_definer_view",
        "function_search_path_mutable", "unindexed_foreign_keys", "no_primary_key", "duplicate_index",
        "multiple_permissive_policies", "auth_rls_initplan", "extension_in_public", "materialized_view_in_api",
        "foreign_table_in_api", "auth_users_exposed", "public_bucket_without_policy", "cron_job_calls_missing_function",
    ]

    public static func advise(_ catalog: Catalog, options: AdvisorOptions = AdvisorOptions()) -> [AdvisorFinding] {
        let facts = Facts(catalog, options)
        var findings: [AdvisorFinding] = []
        for relation in facts.userRelations {
            tableLints(relation, facts, into: &findings)
        }
        policyLints(facts, into: &findings)
        functionLints(facts, into: &findings)
        foreignKeyLints(facts, into: &findings)
        duplicateIndexLints(facts, into: &findings)
        platformLints(facts, into: &findings)
        for ext in catalog.extensions where ext.schemasHoldingMembers.contains("public") {
            findings.append(
                AdvisorFinding(
                    lint: "extension_in_public", level: .warn, category: .security, object: ext.path,
                    detail: "extension \(ext.name) is installed in public, which the API exposes",
                    remediation:
                        "move it: create schema if not exists extensions; alter extension \(ext.name) set schema extensions;"))
        }
        if !options.disabled.isEmpty { findings.removeAll { options.disabled.contains($0.lint) } }
        if !options.excuses.isEmpty {
            for i in findings.indices {
                if let excuse = options.excuses.first(where: { $0.lint == findings[i].lint && $0.object == findings[i].object }) {
                    findings[i].excuse = excuse.reason
                }
            }
        }
        return sorted(findings)
    }

    /// Errors first, then by lint name, then by object in byte order (the snapshot's order,
    /// cheaper than String's `<`). Indices are sorted, so the large findings move once.
    private static func sorted(_ findings: [AdvisorFinding]) -> [AdvisorFinding] {
        let lintOrder = findings.map { lintRank[$0.lint] ?? lintRank.count }
        let order = findings.withUnsafeBufferPointer { findings in
            findings.indices.sorted { i, j in
                if findings[i].level != findings[j].level { return findings[i].level > findings[j].level }
                if lintOrder[i] != lintOrder[j] { return lintOrder[i] < lintOrder[j] }
                let lint = lintOrder[i] < lintRank.count ? 0 : NaturalKeyOrder.compare(findings[i].lint, findings[j].lint)
                return lint != 0 ? lint < 0 : NaturalKeyOrder.compare(findings[i].object, findings[j].object) < 0
            }
        }
        return order.map { findings[$0] }
    }

    /// Each lint's place in byte order of the names.
    private static let lintRank: [String: Int] = Dictionary(
        uniqueKeysWithValues: lintNames.sorted { NaturalKeyOrder.compare($0, $1) < 0 }.enumerated().map { ($1, $0) })

    private static func tableLints(_ relation: Relation, _ facts: Facts, into out: inout [AdvisorFinding]) {
        let exposed = facts.options.exposedSchemas.contains(relation.schema)
        let path = relation.path
        let policyCount = facts.policyCounts[relation.key, default: 0]
        switch relation.relationKind {
        case "table", "partitioned table":
            if exposed && !relation.rlsEnabled {
                out.append(
                    AdvisorFinding(
                        lint: "rls_disabled_in_public", level: .error, category: .security, object: path,
                        detail:
                            "table \(path) is in an exposed schema and row level security is off: the API roles can read and write every row they are granted",
                        remediation: "alter table \(path) enable row level security; then add policies for anon and authenticated"
                    ))
            }
            if policyCount > 0 && !relation.rlsEnabled {
                out.append(
                    AdvisorFinding(
                        lint: "policy_exists_rls_disabled", level: .error, category: .security, object: path,
                        detail:
                            "table \(path) has \(policyCount) polic\(policyCount == 1 ? "y" : "ies") but row level security is off, so they are ignored",
                        remediation: "alter table \(path) enable row level security;"))
            }
            if relation.rlsEnabled && policyCount == 0 && exposed {
                out.append(
                    AdvisorFinding(
                        lint: "rls_enabled_no_policy", level: .info, category: .security, object: path,
                        detail: "table \(path) has row level security on and no policy: the API roles see no rows",
                        remediation: "add policies, or revoke the API roles' grants if the table is not meant for the API"))
            }
            if exposed && !facts.tablesWithPrimaryKey.contains(relation.key) {
                out.append(
                    AdvisorFinding(
                        lint: "no_primary_key", level: .info, category: .performance, object: path,
                        detail:
                            "table \(path) has no primary key: rows cannot be addressed efficiently, and Realtime cannot stream its updates",
                        remediation: "alter table \(path) add primary key (…); or add an identity column for it"))
            }
        case "view":
            guard exposed, facts.apiCanSelect(relation) else { break }
            let invoker = relation.options?.contains { $0 == "security_invoker=true" || $0 == "security_invoker=on" } ?? false
            if !invoker {
                out.append(
                    AdvisorFinding(
                        lint: "security_definer_view", level: .error, category: .security, object: path,
                        detail:
                            "view \(path) runs with its owner's rights, so the API roles read through it bypassing the row level security of its tables",
                        remediation: "alter view \(path) set (security_invoker = true);"))
            }
            if let definition = relation.viewDefinition,
                ByteScan.withBytes(definition, { ByteScan.find("auth.users", in: $0) }) != nil
            {
                out.append(
                    AdvisorFinding(
                        lint: "auth_users_exposed", level: .error, category: .security, object: path,
                        detail:
                            "view \(path) reads auth.users and the API roles can select from it: user emails and metadata leak",
                        remediation:
                            "revoke select on \(path) from anon, authenticated; or select only the columns you need from public.profiles"
                    ))
            }
        case "materialized view", "foreign table":
            // Neither has row level security: whatever the API roles may select, they see all of.
            if exposed && facts.apiCanSelect(relation) {
                let kind = relation.relationKind
                out.append(
                    AdvisorFinding(
                        lint: kind.replacingOccurrences(of: " ", with: "_") + "_in_api", level: .warn, category: .security,
                        object: path,
                        detail: "\(kind) \(path) is selectable through the API, and \(kind)s have no row level security",
                        remediation: "revoke select on \(path) from anon, authenticated; or move it out of \(relation.schema)"))
            }
        default:
            break
        }
    }

    /// Calls `body` with each run of `objects` (in canonical order: by schema, then table)
    /// that hangs off one table.
    private static func forEachTable<T: CatalogObject>(_ objects: [T], _ body: (ArraySlice<T>) -> Void) {
        var start = 0
        while start < objects.count {
            let table = objects[start].parentRelation
            var end = start + 1
            while end < objects.count && objects[end].parentRelation == table { end += 1 }
            body(objects[start..<end])
            start = end
        }
    }

    private static func policyLints(_ facts: Facts, into out: inout [AdvisorFinding]) {
        forEachTable(facts.catalog.policies) { policies in
            for policy in policies
            where policy.using.map(callsPerRow) == true || policy.withCheck.map(callsPerRow) == true {
                out.append(
                    AdvisorFinding(
                        lint: "auth_rls_initplan", level: .warn, category: .performance, object: policy.path,
                        detail: "policy \(policy.path) calls auth.<function>() or current_setting() for every row",
                        remediation: "wrap the call: (select auth.uid()) instead of auth.uid(), so it runs once per query"))
            }
            multiplePermissiveLints(policies, into: &out)
        }
    }

    /// Permissive policies for one role and command are OR-ed: each runs for every row.
    private static func multiplePermissiveLints(_ policies: ArraySlice<Policy>, into out: inout [AdvisorFinding]) {
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
                    AdvisorFinding(
                        lint: "multiple_permissive_policies", level: .warn, category: .performance,
                        object: table.description + " (" + roleCommand + ")",
                        detail:
                            "table \(table) has \(names.count) permissive policies for \(roleCommand): \(names.joined(separator: ", "))",
                        remediation: "merge them into one policy with OR, or make all but one restrictive"))
            }
            runStart = runEnd
        }
    }

    /// `auth.uid()`, `auth.jwt()`, `auth.role()` or `current_setting(` not under `SELECT`.
    public static func callsPerRow(_ expression: String) -> Bool {
        ByteScan.withBytes(expression) { bytes in
            for call in perRowCalls {
                var from = 0
                while let start = ByteScan.find(call, in: bytes, from: from) {
                    if !ByteScan.matches("SELECT ", bytes, at: start - 7) { return true }
                    from = start + 1
                }
            }
            return false
        }
    }

    private static let perRowCalls: [StaticString] = ["auth.uid()", "auth.jwt()", "auth.role()", "current_setting("]

    private static func functionLints(_ facts: Facts, into out: inout [AdvisorFinding]) {
        let managed = facts.options.managedSchemas
        for function in facts.catalog.functions
        where !managed.contains(function.schema) && function.functionKind != "aggregate" && function.language != "internal"
            && function.language != "c" && !(function.config ?? []).contains(where: { $0.hasPrefix("search_path=") })
        {
            out.append(
                AdvisorFinding(
                    lint: "function_search_path_mutable", level: .warn, category: .security, object: function.path,
                    detail:
                        "function \(function.path) has no fixed search_path, so a caller's objects can shadow the ones it uses",
                    remediation: "alter function \(function.path) set search_path = ''; and qualify every name in its body"))
        }
    }

    private static func foreignKeyLints(_ facts: Facts, into out: inout [AdvisorFinding]) {
        let managed = facts.options.managedSchemas
        for fk in facts.catalog.constraints where fk.constraintType == "foreign key" && !managed.contains(fk.schema) {
            guard let columns = foreignKeyColumns(fk.definition) else { continue }
            let table = RelationKey(schema: fk.schema, name: fk.table)
            let covered = facts.indexLeadingColumns[table, default: []].contains { leading in
                leading.count >= columns.count && leading.prefix(columns.count).elementsEqual(columns)
            }
            guard !covered else { continue }
            let list = columns.joined(separator: ", ")
            let path = fk.path
            out.append(
                AdvisorFinding(
                    lint: "unindexed_foreign_keys", level: .info, category: .performance, object: path,
                    detail:
                        "foreign key \(path) on (\(list)) has no index starting with those columns: deletes and joins scan the table",
                    remediation: "create index concurrently on \(table) (\(list));"))
        }
    }

    private static func duplicateIndexLints(_ facts: Facts, into out: inout [AdvisorFinding]) {
        let managed = facts.options.managedSchemas
        forEachTable(facts.catalog.indexes) { indexes in
            if indexes.count > 1, let first = indexes.first, !managed.contains(first.schema) {
                duplicates(in: indexes, into: &out)
            }
        }
    }

    /// Groups one table's indexes by definition without the name; each group of two or more is a finding.
    private static func duplicates(in indexes: ArraySlice<Index>, into out: inout [AdvisorFinding]) {
        let shapes = indexes.map(shape)
        var grouped = [Bool](repeating: false, count: shapes.count)
        for i in shapes.indices where !grouped[i] {
            var same = [i]
            for j in (i + 1)..<shapes.count where !grouped[j] && shapes[j] == shapes[i] {
                grouped[j] = true
                same.append(j)
            }
            guard same.count > 1, let first = indexes.first else { continue }
            let table = RelationKey(schema: first.schema, name: first.table)
            let names = same.map { indexes[indexes.startIndex + $0].name }.sorted()
            out.append(
                AdvisorFinding(
                    lint: "duplicate_index", level: .warn, category: .performance,
                    object: table.description + ":" + names.joined(separator: ","),
                    detail: "indexes \(names.joined(separator: ", ")) on \(table) are identical: every write updates both",
                    remediation: "drop index concurrently \(table.schema).\(names.last!);"))
        }
    }

    /// An index's definition without its name (from ` ON ` on), and whether it is unique.
    private static func shape(_ index: Index) -> (unique: Bool, definition: Substring) {
        let definition = index.definition
        guard let on = ByteScan.withBytes(definition, { ByteScan.find(" ON ", in: $0) }) else {
            return (index.unique, definition[...])
        }
        return (index.unique, definition[definition.utf8.index(definition.utf8.startIndex, offsetBy: on)...])
    }

    /// `FOREIGN KEY (a, b) REFERENCES …` → `["a", "b"]`.
    static func foreignKeyColumns(_ definition: String) -> [String]? {
        ByteScan.withBytes(definition) { bytes in
            guard ByteScan.matches("FOREIGN KEY (", bytes, at: 0), let close = bytes.firstIndex(of: UInt8(ascii: ")")) else {
                return nil
            }
            return ByteScan.splitTrimmed(bytes, 13..<close, at: UInt8(ascii: ","))
        }
    }
}

import CatalogModel

/// Runs Supabase-style security and performance lints over a catalog, offline.
///
/// Every lint reads only the snapshot, so it runs on any snapshot, past or present. Findings
/// come sorted by level (errors first), then lint name, then object.
public enum Advisor {
    /// Every lint, each a type of its own in `Sources/Advisors/Lints/`.
    public static let lints: [any AdvisorLint.Type] = [
        RLSDisabledInPublic.self, PolicyExistsRLSDisabled.self, RLSEnabledNoPolicy.self, SecurityDefinerView.self,
        FunctionSearchPathMutable.self, UnindexedForeignKeys.self, NoPrimaryKey.self, DuplicateIndex.self,
        MultiplePermissivePolicies.self, AuthRLSInitplan.self, ExtensionInPublic.self, MaterializedViewInAPI.self,
        ForeignTableInAPI.self, AuthUsersExposed.self, PublicBucketWithoutPolicy.self, CronJobCallsMissingFunction.self,
    ]

    /// Every lint's name, for documentation and `disable` validation.
    public static let lintNames = lints.map { $0.name }

    /// The findings of every lint not disabled in `options`, excused ones marked, sorted.
    public static func advise(_ catalog: Catalog, options: AdvisorOptions = AdvisorOptions()) -> [AdvisorFinding] {
        let facts = Facts(catalog, options)
        var findings: [AdvisorFinding] = []
        for lint in lints where !options.disabled.contains(lint.name) { lint.check(facts, into: &findings) }
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

    /// Calls `body` with each run of `objects` (in canonical order: by schema, then table)
    /// that hangs off one table.
    static func forEachTable<T: CatalogObject>(_ objects: [T], _ body: (ArraySlice<T>) -> Void) {
        var start = 0
        while start < objects.count {
            let table = objects[start].parentRelation
            var end = start + 1
            while end < objects.count && objects[end].parentRelation == table { end += 1 }
            body(objects[start..<end])
            start = end
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

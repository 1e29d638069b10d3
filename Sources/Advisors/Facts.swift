import CatalogModel

/// What the lints look up, indexed once per catalog (`AdvisorLint.check` reads it).
public struct Facts {
    let catalog: Catalog
    let options: AdvisorOptions
    /// How many policies each table has.
    let policyCounts: [RelationKey: Int]
    let tablesWithPrimaryKey: Set<RelationKey>
    /// The key columns of each index, in order (expression indexes left out), for the tables
    /// with a foreign key outside the managed schemas: what the unindexed-foreign-key lint reads.
    let indexLeadingColumns: [RelationKey: [[String]]]
    /// Relations the API roles (anon, authenticated) may select from.
    let apiSelectable: Set<RelationKey>

    init(_ c: Catalog, _ options: AdvisorOptions) {
        catalog = c
        self.options = options
        let managed = options.managedSchemas
        var counts: [RelationKey: Int] = [:]
        for policy in c.policies { counts[RelationKey(schema: policy.schema, name: policy.table), default: 0] += 1 }
        policyCounts = counts
        var withPrimaryKey = Set<RelationKey>()
        var withForeignKey = Set<RelationKey>()
        for constraint in c.constraints {
            switch constraint.constraintType {
            case "primary key": withPrimaryKey.insert(RelationKey(schema: constraint.schema, name: constraint.table))
            case "foreign key" where !managed.contains(constraint.schema):
                withForeignKey.insert(RelationKey(schema: constraint.schema, name: constraint.table))
            default: break
            }
        }
        tablesWithPrimaryKey = withPrimaryKey
        var leading: [RelationKey: [[String]]] = [:]
        for index in c.indexes {
            let table = RelationKey(schema: index.schema, name: index.table)
            guard withForeignKey.contains(table), let columns = Self.keyColumns(index.definition) else { continue }
            leading[table, default: []].append(columns)
        }
        indexLeadingColumns = leading
        var selectable = Set<RelationKey>()
        for privilege in c.privileges
        where privilege.column.isEmpty && Self.apiRoles.contains(privilege.grantee) && privilege.privileges.contains("SELECT") {
            selectable.insert(RelationKey(schema: privilege.schema, name: privilege.name))
        }
        apiSelectable = selectable
    }

    private static let apiRoles: Set<String> = ["anon", "authenticated", "PUBLIC"]

    /// The relations outside the managed schemas.
    var userRelations: LazyFilterSequence<[Relation]> {
        catalog.relations.lazy.filter { [managed = options.managedSchemas] in !managed.contains($0.schema) }
    }

    func apiCanSelect(_ relation: Relation) -> Bool { apiSelectable.contains(relation.key) }

    /// Whether `relation` is in a schema the API exposes.
    func isExposed(_ relation: Relation) -> Bool { options.exposedSchemas.contains(relation.schema) }

    /// `CREATE INDEX i ON s.t USING btree (a, b DESC) WHERE …` → `["a", "b"]`; nil for expressions.
    static func keyColumns(_ definition: String) -> [String]? {
        ByteScan.withBytes(definition) { bytes in
            guard let using = ByteScan.find(" USING ", in: bytes),
                let open = bytes[(using + 7)...].firstIndex(of: UInt8(ascii: "("))
            else { return nil }
            var depth = 0
            var end = open
            for i in open..<bytes.count {
                if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                if bytes[i] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        end = i
                        break
                    }
                }
            }
            var columns: [String] = []
            guard end > open else { return columns }
            var start = open + 1
            for i in start...end where i == end || bytes[i] == UInt8(ascii: ",") {
                // The first word of each key part; an expression ends the leading columns.
                var low = start
                while low < i && bytes[low] == UInt8(ascii: " ") { low += 1 }
                var high = low
                if high < i && bytes[high] == UInt8(ascii: "\"") {
                    // A quoted name, spaces and doubled quotes included, as foreign keys print it.
                    high += 1
                    while high < i
                        && (bytes[high] != UInt8(ascii: "\"") || (high + 1 < i && bytes[high + 1] == UInt8(ascii: "\"")))
                    {
                        high += bytes[high] == UInt8(ascii: "\"") ? 2 : 1
                    }
                    high = min(high + 1, i)
                } else {
                    while high < i && bytes[high] != UInt8(ascii: " ") && bytes[high] != UInt8(ascii: "(") { high += 1 }
                }
                guard high > low, high == i || bytes[high] != UInt8(ascii: "(") else {
                    return columns.isEmpty ? nil : columns
                }
                columns.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))
                start = i + 1
            }
            return columns
        }
    }
}

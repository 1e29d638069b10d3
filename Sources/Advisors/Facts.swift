import CatalogModel

/// What the lints look up, indexed once per catalog.
struct Facts {
    let options: AdvisorOptions
    let userRelations: [Relation]
    let userFunctions: [Function]
    let policiesByTable: [RelationKey: [Policy]]
    let tablesWithPrimaryKey: Set<RelationKey>
    let foreignKeysByTable: [RelationKey: [Constraint]]
    let indexesByTable: [RelationKey: [Index]]
    /// The key columns of each index of a table, in order (expression indexes left out).
    let indexLeadingColumns: [RelationKey: [[String]]]
    /// Relations the API roles (anon, authenticated) may select from.
    let apiSelectable: Set<RelationKey>

    init(_ c: Catalog, _ options: AdvisorOptions) {
        self.options = options
        let managed = options.managedSchemas
        userRelations = c.relations.filter { !managed.contains($0.schema) }
        userFunctions = c.functions.filter { !managed.contains($0.schema) }
        policiesByTable = Dictionary(grouping: c.policies) { RelationKey(schema: $0.schema, name: $0.table) }
        tablesWithPrimaryKey = Set(
            c.constraints.filter { $0.constraintType == "primary key" }.map {
                RelationKey(schema: $0.schema, name: $0.table)
            })
        foreignKeysByTable = Dictionary(
            grouping: c.constraints.filter { $0.constraintType == "foreign key" && !managed.contains($0.schema) }
        ) {
            RelationKey(schema: $0.schema, name: $0.table)
        }
        indexesByTable = Dictionary(grouping: c.indexes.filter { !managed.contains($0.schema) }) {
            RelationKey(schema: $0.schema, name: $0.table)
        }
        var leading: [RelationKey: [[String]]] = [:]
        for index in c.indexes {
            guard let columns = Self.keyColumns(index.definition) else { continue }
            leading[RelationKey(schema: index.schema, name: index.table), default: []].append(columns)
        }
        indexLeadingColumns = leading
        apiSelectable = Set(
            c.privileges.filter {
                ["anon", "authenticated", "PUBLIC"].contains($0.grantee) && $0.privileges.contains("SELECT") && $0.column.isEmpty
            }.map { RelationKey(schema: $0.schema, name: $0.name) })
    }

    func apiCanSelect(_ relation: Relation) -> Bool { apiSelectable.contains(relation.key) }

    /// `CREATE INDEX i ON s.t USING btree (a, b DESC) WHERE …` → `["a", "b"]`; nil for expressions.
    static func keyColumns(_ definition: String) -> [String]? {
        let bytes = Array(definition.utf8)
        let using = Array(" USING ".utf8)
        guard let start = (0...(bytes.count - using.count)).first(where: { bytes[$0..<($0 + using.count)].elementsEqual(using) }),
            let open = bytes[(start + using.count)...].firstIndex(of: UInt8(ascii: "("))
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
        for part in bytes[(open + 1)..<end].split(separator: UInt8(ascii: ",")) {
            let words = part.split(separator: UInt8(ascii: " "))
            guard let first = words.first, !first.contains(UInt8(ascii: "(")) else { return columns.isEmpty ? nil : columns }
            columns.append(String(decoding: first, as: UTF8.self))
        }
        return columns
    }
}

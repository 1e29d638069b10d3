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
        guard let using = definition.range(of: " USING "), let open = definition[using.upperBound...].firstIndex(of: "(") else {
            return nil
        }
        var depth = 0
        var end = open
        for i in definition[open...].indices {
            if definition[i] == "(" { depth += 1 }
            if definition[i] == ")" {
                depth -= 1
                if depth == 0 {
                    end = i
                    break
                }
            }
        }
        let inner = definition[definition.index(after: open)..<end]
        var columns: [String] = []
        for part in inner.split(separator: ",") {
            let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ")
            guard let first = words.first, !first.contains("(") else { return columns.isEmpty ? nil : columns }
            columns.append(String(first))
        }
        return columns
    }
}

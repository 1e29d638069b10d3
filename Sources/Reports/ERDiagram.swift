import CatalogModel
import Differ

/// Mermaid `erDiagram` text for a set of tables: their columns and the foreign keys between
/// them. GitHub renders it in Markdown comments.
public enum ERDiagram {
    /// Tables whose existence, columns or foreign keys changed.
    public static func affectedTables(_ changes: [Change], source: Catalog, target: Catalog) -> [RelationKey] {
        let foreignKeys = Set(
            (source.constraints + target.constraints).filter { $0.constraintType == "foreign key" }
                .map { [$0.schema, $0.table, $0.name] })
        var tables = Set<RelationKey>()
        for change in changes {
            guard let relation = change.relation else { continue }
            switch change.objectKind {
            case .relation where change.noun.hasSuffix("table") && change.kind != .changed:
                tables.insert(relation)
            case .column:
                tables.insert(relation)
            case .constraint where foreignKeys.contains(change.key):
                tables.insert(relation)
            default:
                break
            }
        }
        return tables.sorted()
    }

    /// The diagram of `tables`, each drawn from `preferred` when it has the table, else from
    /// `fallback`; relationships are the foreign keys among the drawn tables.
    public static func render(tables: [RelationKey], preferred: Catalog, fallback: Catalog? = nil) -> String {
        let wanted = Set(tables)
        var lines = ["erDiagram"]
        var relationships: [String] = []
        for table in tables {
            let catalog = preferred.relations.contains { $0.key == table } ? preferred : (fallback ?? preferred)
            let columns = catalog.columns.filter { $0.schema == table.schema && $0.table == table.name }
                .sorted { $0.position < $1.position }
            lines.append("  \(entity(table)) {")
            for column in columns {
                lines.append("    \(token(column.type)) \(token(column.name))\(column.notNull ? "" : " \"nullable\"")")
            }
            lines.append("  }")
            for fk in catalog.constraints
            where fk.schema == table.schema && fk.table == table.name && fk.constraintType == "foreign key" {
                guard let referenced = fk.referencedTable, let key = relationKey(referenced, in: catalog), wanted.contains(key)
                else { continue }
                relationships.append("  \(entity(table)) }o--|| \(entity(key)) : \"\(fk.name)\"")
            }
        }
        return (lines + relationships.sorted()).joined(separator: "\n")
    }

    /// Draws every table of `catalog` (or of one schema).
    public static func render(catalog: Catalog, schema: String? = nil) -> String {
        let tables = catalog.relations.filter { $0.isTable && (schema == nil || $0.schema == schema) }.map(\.key)
        return render(tables: tables.sorted(), preferred: catalog)
    }

    private static func relationKey(_ qualified: String, in catalog: Catalog) -> RelationKey? {
        catalog.relations.first { $0.path == qualified }?.key
    }

    /// Mermaid entity names allow letters, digits, `_` and `-`.
    private static func entity(_ key: RelationKey) -> String { token(key.schema + "." + key.name) }

    private static func token(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }
}

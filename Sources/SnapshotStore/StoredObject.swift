import CatalogModel
import GRDB

/// How a model type is read from its snapshot table: through its `Codable` conformance, with
/// snake_case column names; lists are stored as JSON arrays. (Writing goes through the model's
/// `fields`, see `SnapshotFile.insert`.)
protocol StoredObject: CatalogObject, FetchableRecord, TableRecord {}

extension StoredObject {
    public static var databaseTableName: String { kind.tableName }
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension Schema: StoredObject {}
extension Extension: StoredObject {}
extension Collation: StoredObject {}
extension TypeDefinition: StoredObject {}
extension CatalogModel.Sequence: StoredObject {}
extension Relation: StoredObject {}
extension CatalogModel.Column: StoredObject {}
extension Constraint: StoredObject {}
extension Index: StoredObject {}
extension Policy: StoredObject {}
extension Function: StoredObject {}
extension Trigger: StoredObject {}
extension Rule: StoredObject {}
extension Privilege: StoredObject {}
extension DefaultPrivilege: StoredObject {}
extension Publication: StoredObject {}
extension PublicationTable: StoredObject {}
extension EventTrigger: StoredObject {}
extension ForeignServer: StoredObject {}
extension Role: StoredObject {}
extension AppliedMigration: StoredObject {}
